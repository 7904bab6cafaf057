// Preloaded into the CLI process by `bench.mjs --cli`: prints its CPU time and peak RSS as a JSON line on stderr at exit.
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(
    `\n${JSON.stringify({ cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
});
