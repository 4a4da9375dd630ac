package dev.bulwark.supply.model.pickle;

import static dev.bulwark.supply.model.pickle.PickleScans.pickle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanLimits;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PickleMachineTest {

    private static ModelIssue only(List<ModelIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static List<ModelIssue> notVerified(List<ModelIssue> issues) {
        return issues.stream().filter(i -> i.kind() == IssueKind.NOT_VERIFIED).toList();
    }

    @Nested
    class Imports {
        @Test
        void protocol0GlobalAndReduceIsCriticalAtTheGlobalOffset() {
            byte[] p = PickleBytes.protocol0().global("os", "system").op(Opcode.MARK).quoted("ls")
                    .op(Opcode.TUPLE).op(Opcode.REDUCE).stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.kind()).isEqualTo(IssueKind.DANGEROUS_CALL);
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(issue.subject()).isEqualTo("os.system");
            assertThat(issue.offset()).isZero();
            assertThat(issue.detail()).contains("runs a shell command");
        }

        @Test
        void posixAliasIsTheSameAsOs() {
            byte[] p = PickleBytes.proto(2).global("posix", "system").callWith("id").stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.subject()).isEqualTo("posix.system");
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(issue.offset()).isEqualTo(2);
        }

        @Test
        void stackGlobalWithNamesPushedDirectly() {
            byte[] p = PickleBytes.proto(4).stackGlobal("builtins", "eval").callWith("1+1").stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("builtins.eval");
        }

        @Test
        void stackGlobalWithNamesFromTheMemoViaBinget() {
            // memo 0 = "torch", 1 = "LongStorage" (decoy), 2 = "os", 3 = "system"; the import reads 2 and 3
            byte[] p = PickleBytes.proto(4).str("torch").memoize().op(Opcode.POP).str("LongStorage").memoize()
                    .op(Opcode.POP).str("os").memoize().op(Opcode.POP).str("system").memoize().op(Opcode.POP)
                    .op(Opcode.BINGET).u8(2).op(Opcode.BINGET).u8(3).op(Opcode.STACK_GLOBAL)
                    .callWith("id").stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.subject()).isEqualTo("os.system");
            assertThat(issue.offset()).isEqualTo(p.length - 1 - 1 - 1 - 4 - 1);
        }

        @Test
        void stackGlobalWithNamesFromLongBingetAndTextGet() {
            byte[] p = PickleBytes.proto(4).str("subprocess").op(Opcode.LONG_BINPUT).le(70000, 4).op(Opcode.POP)
                    .str("Popen").op(Opcode.PUT).ascii("9\n").op(Opcode.POP)
                    .op(Opcode.LONG_BINGET).le(70000, 4).op(Opcode.GET).ascii("9\n").op(Opcode.STACK_GLOBAL)
                    .callWith("id").stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("subprocess.Popen");
        }

        @Test
        void protocol0StringsFeedStackGlobal() {
            byte[] p = PickleBytes.protocol0().quoted("os").quoted("system").op(Opcode.STACK_GLOBAL)
                    .op(Opcode.MARK).quoted("id").op(Opcode.TUPLE).op(Opcode.REDUCE).stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("os.system");
        }

        @Test
        void unicodeWithRawEscapesFeedsStackGlobal() {
            byte[] p = PickleBytes.protocol0().op(Opcode.UNICODE).ascii("o\\u0073\n").op(Opcode.UNICODE)
                    .ascii("system\n").op(Opcode.STACK_GLOBAL).op(Opcode.POP).op(Opcode.NONE).stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("os.system");
        }

        @Test
        void instImportsAndCallsWithMarkedArguments() {
            byte[] p = PickleBytes.protocol0().op(Opcode.MARK).quoted("print(1)").op(Opcode.INST)
                    .ascii("__builtin__\nexec\n").stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.subject()).isEqualTo("__builtin__.exec");
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(issue.offset()).isEqualTo(13);
        }

        @Test
        void objTakesTheClassFromTheMark() {
            byte[] p = PickleBytes.protocol0().op(Opcode.MARK).global("subprocess", "Popen").quoted("id")
                    .op(Opcode.OBJ).stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("subprocess.Popen");
        }

        @Test
        void newobjAndNewobjEx() {
            byte[] p = PickleBytes.proto(4).stackGlobal("socket", "socket").op(Opcode.EMPTY_TUPLE)
                    .op(Opcode.NEWOBJ).op(Opcode.POP)
                    .stackGlobal("subprocess", "Popen").str("id").op(Opcode.TUPLE1).op(Opcode.EMPTY_DICT)
                    .op(Opcode.NEWOBJ_EX).stop().bytes();
            List<ModelIssue> issues = pickle(p);
            assertThat(issues).extracting(ModelIssue::subject).containsExactly("socket.socket", "subprocess.Popen");
            assertThat(issues).extracting(ModelIssue::severity).containsExactly(Severity.HIGH, Severity.CRITICAL);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 4})
        void extensionCodesAreSuspicious(int width) {
            Opcode op = width == 1 ? Opcode.EXT1 : width == 2 ? Opcode.EXT2 : Opcode.EXT4;
            byte[] p = PickleBytes.proto(2).op(op).le(7, width).op(Opcode.EMPTY_TUPLE).op(Opcode.REDUCE).stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.kind()).isEqualTo(IssueKind.SUSPICIOUS_CALL);
            assertThat(issue.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(issue.subject()).isEqualTo("extension code 7");
        }

        @Test
        void nestedUnpicklingIsCritical() {
            byte[] inner = PickleBytes.proto(4).stackGlobal("os", "system").callWith("id").stop().bytes();
            byte[] p = PickleBytes.proto(4).stackGlobal("_pickle", "loads").op(Opcode.SHORT_BINBYTES)
                    .u8(inner.length).raw(inner).op(Opcode.TUPLE1).op(Opcode.REDUCE).stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.subject()).isEqualTo("_pickle.loads");
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void allowlistedCheckpointImportsReportNothing() {
            byte[] p = PickleBytes.proto(2).global("collections", "OrderedDict").op(Opcode.EMPTY_TUPLE)
                    .op(Opcode.REDUCE).str("w").global("torch._utils", "_rebuild_tensor_v2").op(Opcode.MARK)
                    .op(Opcode.MARK).str("storage").global("torch", "FloatStorage").str("0").str("cpu")
                    .op(Opcode.BININT1).u8(4).op(Opcode.TUPLE).op(Opcode.BINPERSID).op(Opcode.BININT1).u8(0)
                    .op(Opcode.BININT1).u8(4).op(Opcode.TUPLE1).op(Opcode.BININT1).u8(1).op(Opcode.TUPLE1)
                    .op(Opcode.NEWFALSE).global("collections", "OrderedDict").op(Opcode.EMPTY_TUPLE)
                    .op(Opcode.REDUCE).op(Opcode.TUPLE).op(Opcode.REDUCE).op(Opcode.SETITEM).stop().bytes();
            assertThat(pickle(p)).isEmpty();
        }

        @Test
        void unknownThirdPartyClassIsSuspiciousAndRepeatsAreCounted() {
            PickleBytes b = PickleBytes.proto(2).op(Opcode.EMPTY_LIST).op(Opcode.MARK);
            for (int k = 0; k < 3; k++) b.global("mylab.models", "Net").op(Opcode.EMPTY_TUPLE).op(Opcode.NEWOBJ);
            ModelIssue issue = only(pickle(b.op(Opcode.APPENDS).stop().bytes()));
            assertThat(issue.kind()).isEqualTo(IssueKind.SUSPICIOUS_CALL);
            assertThat(issue.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(issue.detail()).contains("3 times");
        }
    }

    @Nested
    class EvasionTricks {
        @Test
        void stackGlobalWithANonStringOperandIsHigh() {
            byte[] p = PickleBytes.proto(4).op(Opcode.BININT).le(42, 4).str("os").op(Opcode.STACK_GLOBAL)
                    .op(Opcode.POP).op(Opcode.NONE).stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.kind()).isEqualTo(IssueKind.DANGEROUS_CALL);
            assertThat(issue.severity()).isEqualTo(Severity.HIGH);
            assertThat(issue.subject()).isEqualTo("42.os");
        }

        @Test
        void buildOnAnImportedModuleIsHigh() {
            byte[] p = PickleBytes.proto(4).stackGlobal("torch", "_utils").op(Opcode.EMPTY_DICT).str("x")
                    .str("builtins").op(Opcode.SETITEM).op(Opcode.BUILD).stop().bytes();
            List<ModelIssue> issues = pickle(p);
            assertThat(issues).anySatisfy(i -> {
                assertThat(i.subject()).isEqualTo("torch._utils (BUILD)");
                assertThat(i.severity()).isEqualTo(Severity.HIGH);
            });
        }

        @Test
        void setitemOnAnImportedDictIsHigh() {
            byte[] p = PickleBytes.proto(2).global("mylib", "REGISTRY").str("k").str("v").op(Opcode.SETITEM)
                    .stop().bytes();
            assertThat(pickle(p)).anySatisfy(i -> assertThat(i.subject()).isEqualTo("mylib.REGISTRY (SETITEM)"));
        }

        @Test
        void memoKeyReadBeforeWrittenIsNotVerifiedButEarlierImportsStand() {
            byte[] p = PickleBytes.proto(4).global("os", "system").callWith("id").op(Opcode.POP)
                    .op(Opcode.BINGET).u8(3).stop().bytes();
            List<ModelIssue> issues = pickle(p);
            assertThat(issues).anySatisfy(i -> assertThat(i.subject()).isEqualTo("os.system"));
            assertThat(notVerified(issues)).singleElement()
                    .satisfies(i -> assertThat(i.detail()).contains("memo key 3"));
        }

        @Test
        void memoKeysBelowTheCountAfterAGapAreStillNeverWritten() {
            // MEMOIZE writes key 0, BINPUT 3 leaves 1 and 2 unwritten although the memo now holds two keys
            byte[] p = PickleBytes.proto(4).str("a").memoize().str("b").op(Opcode.BINPUT).u8(3)
                    .op(Opcode.BINGET).u8(3).op(Opcode.BINGET).u8(1).stop().bytes();
            assertThat(notVerified(pickle(p))).singleElement()
                    .satisfies(i -> assertThat(i.detail()).contains("memo key 1"));
        }

        @Test
        void memoizedKeysReadBackWhileTheyAreContiguous() {
            byte[] p = PickleBytes.proto(4).str("os").memoize().op(Opcode.POP).str("system").memoize()
                    .op(Opcode.POP).op(Opcode.BINGET).u8(0).op(Opcode.BINGET).u8(1).op(Opcode.STACK_GLOBAL)
                    .callWith("id").stop().bytes();
            assertThat(pickle(p)).anySatisfy(i -> assertThat(i.subject()).isEqualTo("os.system"));
        }
    }

    @Nested
    class Streams {
        private final byte[] benign = PickleBytes.proto(4).op(Opcode.EMPTY_LIST).str("a").op(Opcode.APPEND).stop().bytes();
        private final byte[] evil = PickleBytes.proto(4).stackGlobal("builtins", "exec").callWith("x").stop().bytes();

        private byte[] concat(byte[]... parts) {
            PickleBytes b = PickleBytes.protocol0();
            for (byte[] part : parts) b.raw(part);
            return b.bytes();
        }

        @Test
        void secondPickleInTheStreamIsScannedWithItsOwnOffsets() {
            ModelIssue issue = only(pickle(concat(benign, evil)));
            assertThat(issue.subject()).isEqualTo("builtins.exec");
            assertThat(issue.offset()).isEqualTo(benign.length + 2 + 10 + 6);
        }

        @Test
        void rawDataAfterStopEndsTheScanQuietly() {
            assertThat(pickle(concat(benign, new byte[] {0, 1, 2, 3, (byte) 0xff}))).isEmpty();
            // starts like a protocol-0 pickle ('K' = BININT1) but is data: no import, no PROTO
            assertThat(pickle(concat(benign, new byte[] {'K', 5, 0, 0, 0, 0}))).isEmpty();
            // a PROTO byte followed by junk is data too
            assertThat(pickle(concat(benign, new byte[] {(byte) 0x80, 1, 0, 0}))).isEmpty();
        }

        @Test
        void truncatedPickleIsNotVerified() {
            byte[] cut = java.util.Arrays.copyOf(evil, evil.length - 3);
            List<ModelIssue> issues = pickle(cut);
            assertThat(issues).anySatisfy(i -> assertThat(i.subject()).isEqualTo("builtins.exec"));
            assertThat(notVerified(issues)).singleElement().satisfies(i -> assertThat(i.detail()).contains("truncated"));
        }

        @Test
        void pickleWithoutStopIsNotVerified() {
            byte[] p = PickleBytes.proto(4).op(Opcode.EMPTY_LIST).bytes();
            assertThat(notVerified(pickle(p))).singleElement()
                    .satisfies(i -> assertThat(i.detail()).contains("without a STOP"));
        }

        @Test
        void truncatedSecondPickleWithAProtoHeaderIsNotVerified() {
            byte[] cut = java.util.Arrays.copyOf(evil, 8);
            assertThat(notVerified(pickle(concat(benign, cut)))).hasSize(1);
        }

        @Test
        void unknownOpcodeIsNotVerifiedWithItsOffset() {
            byte[] p = PickleBytes.proto(4).op(Opcode.NONE).raw(0xff).stop().bytes();
            ModelIssue issue = only(pickle(p));
            assertThat(issue.kind()).isEqualTo(IssueKind.NOT_VERIFIED);
            assertThat(issue.offset()).isEqualTo(3);
            assertThat(issue.detail()).contains("unknown opcode").contains("0xff");
        }

        @Test
        void hugeLengthClaimsAreSkippedNotAllocated() {
            byte[] p = PickleBytes.proto(4).op(Opcode.BINUNICODE8).le(1L << 40, 8).raw(1, 2, 3).bytes();
            assertThat(only(pickle(p)).detail()).contains("truncated");
            byte[] negative = PickleBytes.proto(4).op(Opcode.BINBYTES8).le(-5, 8).bytes();
            assertThat(only(pickle(negative)).detail()).contains("negative length");
        }

        @Test
        void largePayloadsAreSkippedAndScanningContinues() {
            byte[] blob = new byte[3 << 20];
            byte[] p = PickleBytes.proto(4).op(Opcode.BINBYTES).le(blob.length, 4).raw(blob).op(Opcode.POP)
                    .op(Opcode.BINUNICODE).le(1000, 4).raw(new byte[1000]).op(Opcode.POP)
                    .stackGlobal("os", "system").callWith("id").stop().bytes();
            assertThat(only(pickle(p)).subject()).isEqualTo("os.system");
        }

        @Test
        void deepNestingHitsTheStackLimit() {
            PickleBytes b = PickleBytes.proto(2);
            for (int k = 0; k < 2_000; k++) b.op(Opcode.MARK);
            ScanLimits small = new ScanLimits(5, 10, 1L << 20, 100, 1 << 20, 1_000_000, 1_000);
            List<ModelIssue> issues = PickleScans.read(new PickleReader(), b.stop().bytes(), small);
            assertThat(only(issues).detail()).contains("deeper than 1000");
            PickleBytes lists = PickleBytes.proto(2);
            for (int k = 0; k < 2_000; k++) lists.op(Opcode.EMPTY_LIST);
            assertThat(only(PickleScans.read(new PickleReader(), lists.stop().bytes(), small)).detail())
                    .contains("stack deeper than 1000");
        }

        @Test
        void opcodeBudgetIsEnforced() {
            PickleBytes b = PickleBytes.proto(2);
            for (int k = 0; k < 100; k++) b.op(Opcode.NONE).op(Opcode.POP);
            ScanLimits small = new ScanLimits(5, 10, 1L << 20, 100, 1 << 20, 50, 1_000);
            assertThat(only(PickleScans.read(new PickleReader(), b.stop().bytes(), small)).detail())
                    .contains("more than 50 opcodes");
        }

        @Test
        void protocol5BuffersAndFrames() {
            byte[] p = PickleBytes.proto(5).op(Opcode.FRAME).le(20, 8).op(Opcode.BYTEARRAY8).le(3, 8).raw(1, 2, 3)
                    .op(Opcode.NEXT_BUFFER).op(Opcode.READONLY_BUFFER).op(Opcode.TUPLE2).stop().bytes();
            assertThat(pickle(p)).isEmpty();
        }

        @Test
        void emptyInputIsNotVerified() {
            assertThat(only(pickle(new byte[0])).kind()).isEqualTo(IssueKind.NOT_VERIFIED);
        }
    }

    @Nested
    class OpcodeTable {
        @Test
        void everyByteIsEitherAKnownOpcodeOrReportedAsUnknown() {
            for (int b = 0; b < 256; b++) {
                byte[] p = PickleBytes.proto(4).op(Opcode.NONE).op(Opcode.NONE).op(Opcode.NONE).raw(b)
                        .raw(new byte[16]).bytes();
                List<ModelIssue> nv = notVerified(pickle(p));
                boolean unknown = nv.stream().anyMatch(i -> i.detail().contains("unknown opcode (") && i.offset() == 5);
                assertThat(unknown).as("byte 0x%02x", b).isEqualTo(Opcode.of(b) == null);
            }
        }

        @Test
        void tableHasAllSixtyEightOpcodesOfProtocols0To5() {
            assertThat(Opcode.values()).hasSize(68);
            assertThat(Opcode.values()).allSatisfy(op -> assertThat(op.protocol).isBetween(0, 5));
        }
    }
}
