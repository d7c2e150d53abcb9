type Handler = (detail: any) => void;

/**
 * Handlers get their own copy of the detail, and one that throws is reported without stopping
 * the others (or whatever the caller does next).
 */
export function createEmitter(report: (message: string, error: unknown) => void) {
  let handlers: Record<string, Handler[]> = {};
  const deliver = (event: string, handler: Handler, detail: unknown) => {
    try {
      handler(JSON.parse(JSON.stringify(detail)));
    } catch (error) {
      report(`Kelisim: a '${event}' handler threw`, error);
    }
  };
  return {
    deliver,
    on(event: string, handler: Handler): () => void {
      if (typeof handler != 'function') {
        report(`Kelisim: on('${event}') needs a function`, handler);
        return () => {};
      }
      (handlers[event] = handlers[event] || []).push(handler);
      return () => {
        handlers[event] = (handlers[event] || []).filter((h) => h !== handler);
      };
    },
    emit(event: string, detail: unknown): void {
      for (const handler of (handlers[event] || []).slice()) deliver(event, handler, detail);
    },
    clear(): void {
      handlers = {};
    },
  };
}
