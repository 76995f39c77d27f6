#!/usr/bin/env node
// A newsroom's archive of N articles in three languages, made up from word lists (no outlet's
// text), written as Trimova article files and, with --hugo, as the same content for Hugo.
//
//   node scripts/generate-archive.mjs --count 20000 --out DIR [--hugo DIR] [--now 2026-12-02T12:00:00Z]
//
// Every article has a Ukrainian edition; two thirds are written in Ukrainian and one third in
// English; a third have no Russian edition; one in four has an image. Articles come about 150 a
// day back from --now, so the newest two days hold about 300. The same --count and --now give the
// same archive, byte for byte.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const WORDS = {
  uk: ['місто', 'рада', 'школа', 'міст', 'бюджет', 'вулиця', 'лікарня', 'парк', 'мешканці', 'ремонт', 'трамвай', 'бібліотека', 'вода', 'світло', 'зима', 'сесія', 'проєкт', 'район', 'волонтери', 'ринок', 'податок', 'вокзал', 'музей', 'дорога', 'село', 'громада', 'укриття', 'тепло', 'автобус', 'фестиваль'],
  en: ['city', 'council', 'school', 'bridge', 'budget', 'street', 'hospital', 'park', 'residents', 'repairs', 'tram', 'library', 'water', 'power', 'winter', 'session', 'project', 'district', 'volunteers', 'market', 'tax', 'station', 'museum', 'road', 'village', 'community', 'shelter', 'heating', 'bus', 'festival'],
  ru: ['город', 'совет', 'школа', 'мост', 'бюджет', 'улица', 'больница', 'парк', 'жители', 'ремонт', 'трамвай', 'библиотека', 'вода', 'свет', 'зима', 'сессия', 'проект', 'район', 'волонтёры', 'рынок', 'налог', 'вокзал', 'музей', 'дорога', 'село', 'община', 'укрытие', 'тепло', 'автобус', 'фестиваль'],
};
const VERBS = {
  uk: ['відкриває', 'планує', 'обговорює', 'ремонтує', 'перевіряє', 'будує', 'отримує', 'змінює'],
  en: ['opens', 'plans', 'debates', 'repairs', 'inspects', 'builds', 'receives', 'changes'],
  ru: ['открывает', 'планирует', 'обсуждает', 'ремонтирует', 'проверяет', 'строит', 'получает', 'меняет'],
};
const TAGS = ['Kyiv', 'Lviv', 'Kharkiv', 'Odesa', 'Dnipro', 'Economy', 'Energy', 'Transport', 'Culture', 'Health', 'Education', 'Housing', 'Sport', 'Weather', 'Budget', 'Science', 'Libraries', 'Safety', 'Water', 'Heating', 'Elections', 'Courts', 'Roads', 'Music', 'Theatre', 'Museums', 'Schools', 'Hospitals', 'Volunteers', 'Markets'];
const CITIES = { uk: ['Київ', 'Львів', 'Харків', 'Одеса'], en: ['Kyiv', 'Lviv', 'Kharkiv', 'Odesa'], ru: ['Киев', 'Львов', 'Харьков', 'Одесса'] };
const SUBHEADS = { uk: 'Що далі', en: 'What comes next', ru: 'Что дальше' };

/** mulberry32: a small, fast, seeded generator, so the archive is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names of people, places and things, made of syllables: a vocabulary that grows with the
// archive as a newsroom's does (the k-th name comes about 1/k as often: a few are everywhere,
// most are rare). Written in Cyrillic in the Ukrainian and Russian editions, in Latin letters in
// the English one.
const SYLLABLES = {
  cyrillic: ['ко', 'ва', 'лен', 'ро', 'ми', 'да', 'на', 'сте', 'пан', 'гри', 'бо', 'ше', 'чу', 'ли', 'тар', 'вер', 'мат', 'зо', 'ку', 'ри'],
  latin: ['ko', 'va', 'len', 'ro', 'mi', 'da', 'na', 'ste', 'pan', 'hry', 'bo', 'she', 'chu', 'ly', 'tar', 'ver', 'mat', 'zo', 'ku', 'ry'],
};
const NAMES = 200000;
function name(k, script) {
  let n = k + 400; // at least three syllables
  let text = '';
  while (n > 0) {
    text += SYLLABLES[script][n % 20];
    n = Math.floor(n / 20);
  }
  return text[0].toUpperCase() + text.slice(1);
}

/** Sentences of the same shape in each language, picked by the same indices. */
function sentence(next, words = 8) {
  const picks = Array.from({ length: words }, () => Math.floor(next() * 30));
  const verb = Math.floor(next() * 8);
  const names = [0, 1].map(() => Math.floor(NAMES ** next()) - 1);
  const make = (lang) => {
    const w = picks.map((p) => WORDS[lang][p]);
    const named = names.map((k) => name(k, lang === 'en' ? 'latin' : 'cyrillic'));
    const text = [w[0], VERBS[lang][verb], ...w.slice(1, 3), named[0], ...w.slice(3), named[1]].join(' ');
    return text[0].toUpperCase() + text.slice(1) + '.';
  };
  return { uk: make('uk'), en: make('en'), ru: make('ru') };
}

/** A local time in Kyiv (+02:00) as RFC 3339. */
function kyiv(ms) {
  const d = new Date(ms + 2 * 3600e3);
  return d.toISOString().slice(0, 19) + '+02:00';
}

export function makeArticle(i, now) {
  const next = random(i + 1);
  // About 150 a day, back from now, newest first for i = 0.
  const at = now - i * (86400e3 / 150) - Math.floor(next() * 60e3);
  const published = kyiv(at);
  const original = i % 3 === 2 ? 'en' : 'uk';
  const langs = i % 3 === 1 ? ['uk', 'en'] : ['uk', 'en', 'ru'];
  const title = sentence(next, 6);
  const lead = sentence(next, 14);
  const paragraphs = Array.from({ length: 4 + Math.floor(next() * 5) }, () => sentence(next, 18));
  const tags = [TAGS[i % TAGS.length], TAGS[Math.floor(next() * TAGS.length)]].filter((t, k, all) => all.indexOf(t) === k);
  const image = i % 4 === 0 ? `media/archive-${i % 8}.svg` : null;
  const city = Math.floor(next() * 4);
  const id = `story-${String(i).padStart(7, '0')}-${published.slice(0, 7)}`;
  const editions = {};
  for (const lang of langs) {
    const body = [];
    if (image) body.push({ type: 'image', src: image, alt: title[lang].slice(0, 40), caption: lead[lang].slice(0, 60) });
    paragraphs.forEach((p, k) => {
      if (k === 2) body.push({ type: 'heading', text: SUBHEADS[lang] });
      body.push({ type: 'paragraph', text: p[lang] });
    });
    editions[lang] = {
      title: title[lang].replace(/\.$/, ''),
      dateline: CITIES[lang][city],
      lead: lead[lang],
      authors: ['Trimova archive desk'],
      body,
      ...(lang === original ? {} : { translation: { from: original, by: 'human' } }),
    };
  }
  return { format: 'trimova.article/1', id, published, original, tags, editions };
}

/** The same article as Hugo pages, one per edition. */
function hugoPage(article, lang) {
  const e = article.editions[lang];
  const text = e.body
    .map((b) => (b.type === 'heading' ? `## ${b.text}` : b.type === 'image' ? `![${b.alt}](/${b.src})` : b.text))
    .join('\n\n');
  const front = {
    title: e.title, date: article.published, tags: article.tags, summary: e.lead,
    translationKey: article.id, slug: article.id,
  };
  return `${JSON.stringify(front, null, 1)}\n\n${e.lead}\n\n${text}\n`;
}

const HUGO_CONFIG = `baseURL = "https://news.example.org/"
defaultContentLanguage = "uk"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term"]
[pagination]
  pagerSize = 30
[languages.uk]
  contentDir = "content/uk"
  weight = 1
[languages.en]
  contentDir = "content/en"
  weight = 2
[languages.ru]
  contentDir = "content/ru"
  weight = 3
`;
const HUGO_LAYOUTS = {
  '_default/baseof.html': '<!DOCTYPE html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  '_default/single.html': '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date }}</time>{{ .Content }}</article>{{ end }}\n',
  '_default/list.html': '{{ define "main" }}<ol>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ol>{{ with .Paginator }}{{ with .Prev }}<a rel="prev" href="{{ .URL }}">prev</a>{{ end }}{{ with .Next }}<a rel="next" href="{{ .URL }}">next</a>{{ end }}{{ end }}{{ end }}\n',
  'index.html': '{{ define "main" }}<ol>{{ range (.Paginate .Site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ol>{{ with .Paginator }}{{ with .Next }}<a rel="next" href="{{ .URL }}">next</a>{{ end }}{{ end }}{{ end }}\n',
};

const SVG = (k) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><rect width="120" height="80" fill="hsl(${k * 45} 40% 60%)"/><circle cx="60" cy="40" r="${10 + k * 3}" fill="#fff" opacity="0.6"/></svg>\n`;

export async function generate({ count, out, hugo, now }) {
  await mkdir(out, { recursive: true });
  const media = join(out, '..', 'media');
  await mkdir(media, { recursive: true });
  for (let k = 0; k < 8; k++) await writeFile(join(media, `archive-${k}.svg`), SVG(k));
  if (hugo) {
    for (const [path, text] of Object.entries(HUGO_LAYOUTS)) {
      await mkdir(join(hugo, 'layouts', path, '..'), { recursive: true });
      await writeFile(join(hugo, 'layouts', path), text);
    }
    await writeFile(join(hugo, 'hugo.toml'), HUGO_CONFIG);
    for (const lang of ['uk', 'en', 'ru']) await mkdir(join(hugo, 'content', lang, 'posts'), { recursive: true });
    await mkdir(join(hugo, 'static', 'media'), { recursive: true });
    for (let k = 0; k < 8; k++) await writeFile(join(hugo, 'static', 'media', `archive-${k}.svg`), SVG(k));
  }
  const articles = [];
  for (let i = 0; i < count; i++) {
    const article = makeArticle(i, now);
    await writeFile(join(out, `${article.id}.json`), JSON.stringify(article, null, 2) + '\n');
    if (hugo) {
      for (const lang of Object.keys(article.editions)) {
        await writeFile(join(hugo, 'content', lang, 'posts', `${article.id}.md`), hugoPage(article, lang));
      }
    }
    articles.push({ id: article.id, published: article.published, tags: article.tags, langs: Object.keys(article.editions) });
  }
  return articles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(arg('count', '1000'));
  const out = arg('out');
  if (!out) throw new Error('usage: generate.mjs --count N --out DIR [--hugo DIR] [--now ISO]');
  const now = Date.parse(arg('now', '2026-12-02T12:00:00Z'));
  await generate({ count, out, hugo: arg('hugo'), now });
  console.log(`generated ${count} articles in ${out}`);
}
