/**
 * The upstream adapters: clients speak OpenAI to the gateway, and {@link dev.bulwark.guard.upstream.UpstreamAdapters}
 * gives the {@link dev.bulwark.guard.pipeline.UpstreamAdapter} that turns that into each upstream's API and back,
 * whole and streamed.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Framing is shared and bounded: {@link dev.bulwark.guard.upstream.SseDecoder} (W3C rules) and
 *       {@link dev.bulwark.guard.upstream.NdjsonDecoder}, 1 MiB per line and per event by default; JSON in streams is
 *       parsed with nesting depth 128.</li>
 *   <li>Translated streams (Anthropic, Ollama) yield {@code chat.completion.chunk}s on the chat route and
 *       {@code text_completion} chunks on the completions route, one id/created/model per stream, the first chat
 *       chunk with role {@code assistant}, the last with finish reason and usage, then {@code [DONE]}. OpenAI-style
 *       streams pass event data unchanged (not re-validated: the stream filter parses it anyway).</li>
 *   <li>A stream the upstream ends early still ends with {@code [DONE]} (the {@code StreamDecoder.end} contract),
 *       without an invented finish reason; an upstream error event is a
 *       {@link dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException} naming no upstream detail.</li>
 *   <li>Azure's content-filter annotations are dropped; its models route is unsupported (answer from config).</li>
 *   <li>Anthropic: no embeddings; images from data URLs (base64) or http(s) URLs (Anthropic fetches them);
 *       {@code max_tokens} defaults to 1024; {@code temperature} is capped at 1.</li>
 *   <li>Ollama: remote image URLs are refused (only data URLs); embeddings always come back as floats.</li>
 *   <li>Options an upstream lacks are not sent; options that would change the reply's shape ({@code n > 1}, audio
 *       or file parts, non-function tools) are refused with
 *       {@link dev.bulwark.guard.upstream.UnsupportedRequestException} (400).</li>
 * </ul>
 */
package dev.bulwark.guard.upstream;
