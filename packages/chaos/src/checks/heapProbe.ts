// Preloaded (--import) into a spawned server process: answers a `heap` message on the IPC channel
// with the process's heap after a full GC (--expose-gc), so the load check reports heap at its
// start and end. Reads memory only; no request, message text or token passes through it.
process.on('message', (message: unknown) => {
  if ((message as { type?: string })?.type !== 'heap') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ type: 'heap', heapUsed, rss });
});
