// Reading settings, end to end: the masthead's control, what each setting does to the page,
// remembering across reloads and languages, before the first paint, by keyboard, accessibility in
// every theme, inside <trimova-article>, and print.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  withSiteAndBrowser, newReader, settled, startCmsHost, startSite, screenshot, apyUrl, ROOT,
} from './helpers.mjs';

let browser, site;
withSiteAndBrowser((ready) => ({ browser, site } = ready));

const SEED = 'north-korea-shells-2024-06'; // uk original, en human
const THEMES = ['auto', 'light', 'dark', 'sepia', 'contrast'];

/** What the reader sees of the text: computed styles of a body paragraph and of the page. */
const look = (page, root = 'document') => page.evaluate((root) => {
  const scope = root === 'document' ? document : document.querySelector(root).shadowRoot;
  const p = scope.querySelector('.article-body > p');
  const s = getComputedStyle(p);
  const box = scope.querySelector(root === 'document' ? 'main' : '.trimova-embed');
  return {
    fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
    letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing, fontFamily: s.fontFamily,
    background: getComputedStyle(root === 'document' ? document.body : box).backgroundColor,
    width: p.getBoundingClientRect().width,
  };
}, root);

const openSettings = async (scope) => {
  const button = scope.getByRole('button', { name: /Налаштування читання|Reading settings|Настройки чтения/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return button;
};

/** Moves a slider with the keyboard, as a reader would. */
async function slide(page, scope, name, key) {
  await scope.getByRole('slider', { name }).focus();
  await page.keyboard.press(key);
}

describe('reading settings on the site', () => {
  test('each setting changes the text, is remembered across reloads and languages, and resets', async () => {
    const { page } = await newReader(browser, { locale: 'uk-UA', viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/uk/${SEED}`);
    await settled(page);
    const base = await look(page);
    const button = await openSettings(page);
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.getByRole('slider').count(), 5);

    await slide(page, page, 'Ширина колонки', 'Home');
    const narrow = await look(page);
    await slide(page, page, 'Ширина колонки', 'End');
    const wide = await look(page);
    assert.ok(wide.width > narrow.width * 1.5, `width ${narrow.width} -> ${wide.width}`);

    await slide(page, page, 'Розмір тексту', 'End');
    const larger = await look(page);
    assert.ok(larger.fontSize / base.fontSize > 1.7, `size ${base.fontSize} -> ${larger.fontSize}`);
    assert.equal(await page.getByRole('slider', { name: 'Розмір тексту' }).getAttribute('aria-valuetext'), '9 з 9');
    await slide(page, page, 'Розмір тексту', 'Home');
    assert.ok((await look(page)).fontSize < base.fontSize * 0.85, 'the smallest size is smaller');
    await slide(page, page, 'Розмір тексту', 'End');

    await slide(page, page, 'Міжрядковий інтервал', 'End');
    assert.ok((await look(page)).lineHeight >= 1.95, 'line spacing');
    await slide(page, page, 'Відстань між літерами', 'End');
    await slide(page, page, 'Відстань між словами', 'End');
    const spaced = await look(page);
    assert.ok(parseFloat(spaced.letterSpacing) > 0 && parseFloat(spaced.wordSpacing) > 0, JSON.stringify(spaced));

    await page.getByRole('radio', { name: 'Без засічок' }).check();
    assert.match((await look(page)).fontFamily, /system-ui/);
    await page.getByRole('radio', { name: 'Сепія' }).check();
    assert.equal((await look(page)).background, 'rgb(244, 236, 216)');

    // Escape closes the panel and gives focus back to its button.
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#reader-settings').count(), 0);
    assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus returns to the button');

    const chosen = await look(page);
    await page.reload();
    await settled(page);
    assert.deepEqual(await look(page), chosen, 'remembered after a reload');
    await page.getByRole('link', { name: 'English' }).first().click();
    await page.waitForURL(`${site.url}/en/${SEED}`);
    await settled(page);
    const english = await look(page);
    assert.equal(english.fontSize, chosen.fontSize, 'and in another language');
    assert.equal(english.background, chosen.background);

    await openSettings(page);
    await page.getByRole('button', { name: 'Reset' }).click();
    assert.deepEqual(
      await page.evaluate(() => [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-tm-'))),
      [], 'reset leaves no setting applied',
    );
    assert.equal((await look(page)).fontSize, base.fontSize);
    assert.ok(await page.getByRole('button', { name: 'Reset' }).isDisabled(), 'nothing left to reset');
    assert.deepEqual(page.errors, []);
  });

  test('works by keyboard alone', async () => {
    const { page } = await newReader(browser, { locale: 'en-GB' });
    await page.goto(`${site.url}/en/${SEED}`);
    await settled(page);
    const button = page.getByRole('button', { name: 'Reading settings' });
    const onButton = () => button.evaluate((b) => b === document.activeElement);
    for (let i = 0; i < 12 && !(await onButton()); i++) await page.keyboard.press('Tab');
    assert.ok(await onButton(), 'Tab reaches the settings button');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tm-size');
    const before = (await look(page)).fontSize;
    await page.keyboard.press('ArrowRight');
    assert.ok((await look(page)).fontSize > before);
    await page.keyboard.press('Escape');
    assert.ok(await onButton(), 'Escape returns to the button');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
  });

  test('remembered settings are on the page as it arrives: painted at once, no change when the app starts, no layout shift', async () => {
    // The service worker puts them on each page it hands over (src/sw.js).
    const { page } = await newReader(browser, { locale: 'uk-UA', viewport: { width: 390, height: 800 }, serviceWorkers: 'allow' });
    await page.goto(`${site.url}/uk/${SEED}`);
    await settled(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    await openSettings(page);
    await slide(page, page, 'Розмір тексту', 'End');
    await page.getByRole('radio', { name: 'Темна' }).check();
    const chosen = await look(page);

    // What the page looks like when first painted, before any script of Trimova's has run (the
    // start-up module waits for that paint before it even asks for the app).
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        const root = document.documentElement;
        window.__firstPaint = {
          app: root.getAttribute('data-app'), size: root.getAttribute('data-tm-size'), theme: root.getAttribute('data-tm-theme'),
          background: getComputedStyle(document.body).backgroundColor,
        };
      }).observe({ type: 'paint', buffered: true });
    });
    const arrived = page.waitForResponse((r) => r.request().resourceType() === 'document');
    await page.reload();
    const html = await (await arrived).text();
    assert.match(html, /<html [^>]*data-tm-size="8"[^>]*data-tm-theme="dark"/, 'the page arrives with the settings on <html>');
    await page.waitForFunction(() => window.__firstPaint);
    assert.deepEqual(await page.evaluate(() => window.__firstPaint), {
      app: null, size: '8', theme: 'dark', background: chosen.background,
    }, 'the first paint already has the reader\'s settings, and no app yet');
    await page.waitForSelector('html[data-app=started]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.deepEqual(await look(page), chosen, 'the app\'s start changes nothing');
    assert.equal(await page.evaluate(() => window.__cls), 0);
    assert.deepEqual(page.errors, []);
  });

  test('axe finds no violation in any theme at the largest size, panel open', async () => {
    const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark']) {
      const { page } = await newReader(browser, { locale: 'en-GB', colorScheme });
      // Without motion, colours change at once: axe never reads one halfway through a transition.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${site.url}/en/${SEED}`);
      await settled(page);
      await openSettings(page);
      await slide(page, page, 'Text size', 'End');
      for (const theme of THEMES) {
        await page.getByRole('radio', { name: { auto: 'Automatic', light: 'Light', dark: 'Dark', sepia: 'Sepia', contrast: 'High contrast' }[theme] }).check();
        await page.evaluate(axe);
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        }));
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, [], `${theme} (system ${colorScheme})`);
        if (colorScheme === 'light') await screenshot(page, `reading-${theme}`);
      }
      await page.context().close();
    }
  });

  test('every theme holds for a machine edition side by side: axe, focus ring, forced colours, print', async () => {
    const translated = await startSite({ config: { translation: { provider: 'apertium', endpoint: apyUrl() } } });
    try {
      const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
      const { page } = await newReader(browser, { locale: 'ru-RU' });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${translated.url}/ru/${SEED}`);
      await page.waitForSelector('article.machine');
      await page.waitForFunction(() => !document.querySelector('.mt-progress'), null, { timeout: 60_000 });
      await page.getByRole('button', { name: /рядом|Рядом/ }).click();
      await page.waitForSelector('.article-body.parallel .mt-original');
      await openSettings(page);
      for (const theme of ['Как в системе', 'Светлая', 'Тёмная', 'Сепия', 'Высокая контрастность']) {
        await page.getByRole('radio', { name: theme }).check();
        await page.evaluate(axe);
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        }));
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], theme);
        // The focus ring against the page: at least 3:1 (WCAG 2.2, 1.4.11).
        const ring = await page.evaluate(() => {
          const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const link = document.querySelector('.mt-notice a, .switcher a');
          link.focus();
          const [a, b] = [lum(rgb(getComputedStyle(link).outlineColor)), lum(rgb(getComputedStyle(document.body).backgroundColor))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        });
        assert.ok(ring >= 3, `${theme}: focus ring ${ring.toFixed(2)}:1`);
      }
      await page.keyboard.press('Escape');
      await screenshot(page, 'reading-machine-contrast');
      // Windows high contrast: the system's colours, and the settings button keeps a border.
      await page.emulateMedia({ forcedColors: 'active' });
      assert.notEqual(await page.locator('.reader-button').evaluate((b) => getComputedStyle(b).borderTopStyle), 'none');
      await page.emulateMedia({ forcedColors: 'none', media: 'print' });
      assert.ok(await page.locator('.mt-notice').isVisible(), 'a printed machine edition says what it is');
      assert.equal(await page.locator('.reader-controls').isVisible(), false);
    } finally {
      await translated.close();
    }
  });

  test('print: the article alone, with its address and language', async () => {
    const { page } = await newReader(browser, { locale: 'uk-UA' });
    await page.goto(`${site.url}/uk/${SEED}`);
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.masthead', '.reader-controls', '.switcher', '.skip-link']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    const source = page.locator('.print-source');
    assert.ok(await source.isVisible());
    let printed = await source.textContent();
    assert.ok(printed.includes(`/uk/${SEED}`), printed);
    // The browser announces printing; the address is then spelled out whole.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.ok((await source.textContent()).includes(`${site.url}/uk/${SEED}`), await source.textContent());
    assert.ok(printed.includes('Українська'), printed);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await source.isVisible(), false, 'on screen the address is not repeated');
  });
});

describe('reading settings inside <trimova-article>', () => {
  let host;
  before(async () => { host = await startCmsHost(); });
  after(async () => { await host?.close(); });

  test('the element\'s own control changes only the element; a host can hide it', async () => {
    const { page } = await newReader(browser, { locale: 'de-DE' });
    await page.goto(`${host.url}/examples/cms/`);
    const first = page.locator('#first');
    await first.locator('.content:not([aria-busy]) article').waitFor();
    await page.locator('#second .content:not([aria-busy]) article').waitFor();
    const hostBefore = await page.evaluate(() => ({
      attributes: [...document.documentElement.attributes].map((a) => a.name),
      body: getComputedStyle(document.body).fontSize,
    }));
    const base = await look(page, '#first');
    const secondBase = await look(page, '#second');
    await openSettings(first);
    await first.getByRole('slider', { name: 'Розмір тексту' }).focus();
    await page.keyboard.press('End');
    await first.getByRole('radio', { name: 'Висока контрастність' }).check();
    const changed = await look(page, '#first');
    assert.ok(changed.fontSize / base.fontSize > 1.7, `${base.fontSize} -> ${changed.fontSize}`);
    assert.equal(changed.background, 'rgb(0, 0, 0)');
    assert.deepEqual(await look(page, '#second'), secondBase, 'the other element is left alone');
    assert.deepEqual(await page.evaluate(() => ({
      attributes: [...document.documentElement.attributes].map((a) => a.name),
      body: getComputedStyle(document.body).fontSize,
    })), hostBefore, 'the host page is left alone');
    await page.keyboard.press('Escape');

    const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await openSettings(first);
    await page.evaluate(axe);
    const result = await page.evaluate(() => window.axe.run(
      { include: [{ fromShadowDom: ['#first', '.trimova-embed'] }] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    ));
    assert.deepEqual(result.violations.map((v) => v.id), [], 'axe inside the element, high contrast, largest size');

    await page.evaluate(() => {
      const element = Object.assign(document.createElement('trimova-article'), { id: 'plain' });
      element.setAttribute('article', 'north-korea-shells-2024-06');
      element.setAttribute('lang', 'en');
      element.setAttribute('reader-controls', 'off');
      document.querySelector('main').append(element);
    });
    await page.locator('#plain .content:not([aria-busy]) article').waitFor();
    assert.equal(await page.locator('#plain .reader-controls').count(), 0, 'hidden by the host');
    const plainLook = await look(page, '#plain');
    assert.equal(plainLook.background, base.background, 'and the reader\'s theme not applied');
    assert.equal(plainLook.fontSize, base.fontSize);
  });
});
