// What the benchmarks share: running a command under /usr/bin/time -v, and the change a
// republishing benchmark publishes.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The command line as a newsroom builds it (`cargo build --profile cli -p trimova-cli`). */
export const TRIMOVA = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'cli', 'trimova');

/** Builds it, if it is not up to date. */
export function buildTrimova() {
  execFileSync('cargo', ['build', '--quiet', '--locked', '--profile', 'cli', '-p', 'trimova-cli'], { cwd: join(TRIMOVA, '..', '..', '..'), stdio: 'inherit' });
  return TRIMOVA;
}

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

/**
 * One article edited and one added in a generated archive's `articles` folder, as a newsroom's
 * publish brings them; returns the added one, to edit again. Waits past the manifest's racy-time
 * window, so the next `trimova pages` sees the change by size and time.
 */
export async function editOneAddOne(articles) {
  const edited = join(articles, (await readdir(articles)).find((f) => f.startsWith('story-0000100')));
  const article = JSON.parse(await readFile(edited, 'utf8'));
  article.editions.uk.title += ' (оновлено)';
  await writeFile(edited, JSON.stringify(article, null, 2));
  Object.assign(article, { id: 'added-for-the-bench-2026-12', published: '2026-12-02T13:59:00+02:00' });
  await writeFile(join(articles, `${article.id}.json`), JSON.stringify(article, null, 2));
  await new Promise((ok) => setTimeout(ok, 2100));
  return article;
}
