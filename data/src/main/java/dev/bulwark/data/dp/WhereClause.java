package dev.bulwark.data.dp;

import dev.bulwark.data.table.DataInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The {@code --where} filter: a small grammar compiled to a parameterised SQL condition. Columns are checked against
 * the file's columns and quoted as identifiers; every literal becomes a {@code ?} parameter, so no text from the
 * user ever reaches the SQL itself.
 *
 * <pre>
 * expr    := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | '(' expr ')' | column test
 * test    := op literal | 'is' ['not'] 'null' | ['not'] 'in' '(' literal (',' literal)* ')'
 * op      := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * literal := 'text' ('' inside for a quote) | number
 * column  := name | "quoted name"
 * </pre>
 * A number literal compares numerically (the value read as a number; a cell that is not one does not match), a
 * text literal compares text. Keywords are case-insensitive.
 */
public record WhereClause(String sql, List<Object> parameters) {
    static final int MAX_LENGTH = 4000;
    static final int MAX_DEPTH = 50;

    /** Everything matches. */
    public static final WhereClause ALL = new WhereClause("TRUE", List.of());

    /** Parses {@code text}; {@code identifier} checks a column name and returns it quoted for SQL. */
    public static WhereClause parse(String text, UnaryOperator<String> identifier) {
        if (text == null || text.isBlank()) return ALL;
        if (text.length() > MAX_LENGTH) throw bad("longer than " + MAX_LENGTH + " characters");
        var parser = new Parser(tokens(text), identifier);
        String sql = parser.or(0);
        if (parser.at < parser.tokens.size()) throw bad("unexpected '" + parser.tokens.get(parser.at).text + "'");
        return new WhereClause(sql, List.copyOf(parser.parameters));
    }

    private enum Kind { NAME, QUOTED_NAME, TEXT, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.NAME || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    private static List<Token> tokens(String s) {
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                var value = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) throw bad("unclosed " + c + " at character " + (i + 1));
                    if (s.charAt(j) == c) {
                        if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                            value.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(s.charAt(j++));
                }
                out.add(new Token(c == '\'' ? Kind.TEXT : Kind.QUOTED_NAME, value.toString()));
                i = j + 1;
            } else if (Character.isDigit(c) || ((c == '-' || c == '.') && i + 1 < s.length()
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                int j = i + 1;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || ".eE".indexOf(s.charAt(j)) >= 0
                        || ((s.charAt(j) == '-' || s.charAt(j) == '+') && "eE".indexOf(s.charAt(j - 1)) >= 0))) j++;
                out.add(new Token(Kind.NUMBER, s.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(new Token(Kind.NAME, s.substring(i, j)));
                i = j;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>")) {
                    out.add(new Token(Kind.SYMBOL, two));
                    i += 2;
                } else if ("=<>(),".indexOf(c) >= 0) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw bad("unexpected character '" + c + "' at " + (i + 1));
                }
            }
        }
        return out;
    }

    private static DataInputException bad(String why) {
        return new DataInputException("--where: " + why);
    }

    private static final class Parser {
        final List<Token> tokens;
        final UnaryOperator<String> identifier;
        final List<Object> parameters = new ArrayList<>();
        int at;

        Parser(List<Token> tokens, UnaryOperator<String> identifier) {
            this.tokens = tokens;
            this.identifier = identifier;
        }

        String or(int depth) {
            if (depth > MAX_DEPTH) throw bad("nested deeper than " + MAX_DEPTH);
            String left = and(depth);
            while (accept("or")) left = "(" + left + " OR " + and(depth) + ")";
            return left;
        }

        String and(int depth) {
            String left = unary(depth);
            while (accept("and")) left = "(" + left + " AND " + unary(depth) + ")";
            return left;
        }

        String unary(int depth) {
            if (depth > MAX_DEPTH) throw bad("nested deeper than " + MAX_DEPTH);
            if (accept("not")) return "(NOT " + unary(depth + 1) + ")";
            if (accept("(")) {
                String inner = or(depth + 1);
                expect(")");
                return inner;
            }
            return test(column());
        }

        String column() {
            Token t = next("a column name");
            if (t.kind != Kind.NAME && t.kind != Kind.QUOTED_NAME) throw bad("expected a column name, found '" + t.text + "'");
            if (t.kind == Kind.NAME && List.of("and", "or", "not", "is", "in", "null").contains(t.text.toLowerCase(Locale.ROOT))) {
                throw bad("expected a column name, found '" + t.text + "' (quote a column with that name: \"" + t.text + "\")");
            }
            return identifier.apply(t.text);
        }

        String test(String column) {
            if (accept("is")) {
                boolean not = accept("not");
                expect("null");
                return "(" + column + (not ? " IS NOT NULL)" : " IS NULL)");
            }
            boolean not = accept("not");
            if (accept("in")) {
                expect("(");
                var items = new ArrayList<String>();
                do items.add(literal(column)); while (accept(","));
                expect(")");
                return "(" + (not ? "NOT " : "") + "(" + String.join(" OR ", items) + "))";
            }
            if (not) throw bad("expected 'in' after 'not'");
            Token op = next("a comparison");
            String sqlOp = switch (op.text) {
                case "=", "<", "<=", ">", ">=" -> op.text;
                case "!=", "<>" -> "<>";
                default -> throw bad("expected =, !=, <, <=, >, >=, 'is' or 'in' after a column, found '" + op.text + "'");
            };
            return literalComparison(column, sqlOp);
        }

        /** {@code column = literal}, for the items of an {@code in} list. */
        String literal(String column) {
            return literalComparison(column, "=");
        }

        String literalComparison(String column, String op) {
            Token value = next("a value");
            if (value.kind == Kind.TEXT) {
                parameters.add(value.text);
                return "(" + column + " " + op + " ?)";
            }
            if (value.kind == Kind.NUMBER) {
                try {
                    parameters.add(new BigDecimal(value.text).doubleValue());
                } catch (NumberFormatException e) {
                    throw bad("not a number: " + value.text);
                }
                return "(TRY_CAST(" + column + " AS DOUBLE) " + op + " ?)";
            }
            throw bad("expected a 'quoted text' or a number, found '" + value.text + "'");
        }

        boolean accept(String word) {
            if (at < tokens.size() && tokens.get(at).is(word)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!accept(word)) throw bad("expected '" + word + "'" + (at < tokens.size() ? ", found '" + tokens.get(at).text + "'" : " at the end"));
        }

        Token next(String what) {
            if (at >= tokens.size()) throw bad("expected " + what + " at the end");
            return tokens.get(at++);
        }
    }
}
