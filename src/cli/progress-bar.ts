/**
 * A progress bar on stderr for long command-line jobs. On a terminal it redraws one line;
 * otherwise (CI logs, pipes) it prints a plain line at most every 10%, so logs stay short.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; finish(): void } {
  const startedAt = Date.now();
  let lastTenth = -1;
  const seconds = () => ((Date.now() - startedAt) / 1000).toFixed(1);
  return {
    update(done, total) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total} rows ${seconds()} s`);
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${label}: ${tenth * 10}% (${done}/${total} rows, ${seconds()} s)\n`);
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
