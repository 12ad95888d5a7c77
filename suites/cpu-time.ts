/**
 * CPU time this process spent, in milliseconds, since `start()` (process.cpuUsage). Suites that
 * bound how much work something does use it instead of the clock: beside other suites on shared
 * cores a test can wait seconds for its turn, and that wait is not work.
 */
export function cpuTimer(): () => number {
  const start = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
}
