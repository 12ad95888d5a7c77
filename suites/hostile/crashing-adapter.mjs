// An in-process adapter whose createCall throws from a timer: the exception reaches no caller, so it
// is the harness process's uncaught exception (a crash of the harness, as far as it can tell).
export const name = "crashing";
export function createBot() {
  const never = () => new Promise(() => {});
  return {
    start: async () => ({ callbackUrl: "http://127.0.0.1:9/api/calls" }),
    createCall: () => {
      setTimeout(() => { throw new Error("thrown from a timer, out of any call"); }, 10);
      return never();
    },
    transfer: never,
    handleNotification: never,
    observe: never,
    stop: async () => {},
  };
}
