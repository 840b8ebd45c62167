import { HttpResponse } from 'msw';

/**
 * A `text/event-stream` answer that sends each chunk as its own network read, so that
 * batching per chunk can be observed. `hold` keeps the stream open after the chunks.
 */
export function sseResponse(
  chunks: string[],
  options: { hold?: boolean } = {},
): Response {
  const encoder = new TextEncoder();
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A macrotask between chunks: each arrives in its own read.
      await new Promise(resolve => setTimeout(resolve, 5));
      if (index < chunks.length) {
        controller.enqueue(encoder.encode(chunks[index++]));
      } else if (!options.hold) {
        controller.close();
      }
    },
  });
  return new HttpResponse(stream, {
    headers: { 'Content-Type': 'text/event-stream' },
  });
}
