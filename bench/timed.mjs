// What the benchmarks share: running a command under /usr/bin/time -v.
import { execFileSync, spawnSync } from 'node:child_process';

/** The clock the benchmarks' archives are generated and published against. */
export const NOW = Date.parse('2026-12-02T12:00:00Z');
export const env = { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000), TRIMOVA_SITE_URL: 'https://news.example.org' };

/** Runs a command under /usr/bin/time -v: wall seconds, peak resident MB, and what it printed. */
export function timed(command, args, cwd) {
  execFileSync('sync');
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${run.stderr.slice(-2000)}`);
  const field = (name) => run.stderr.match(new RegExp(`${name}: (.*)`))[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2);
  return { seconds: Number(m) * 60 + Number(s), mb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024, out: run.stdout.trim() };
}
