// The Trimova article block in the editor: the article's id, its edition and the reading
// controls in the sidebar, and a preview drawn by the server from block/render.php (the same
// markup the page gets: the element with its link). Plain JavaScript on WordPress's own globals,
// so the plugin needs no build step.
(function (blocks, element, blockEditor, components, i18n, ServerSideRender) {
  const { createElement: h } = element;
  const { __ } = i18n;
  const { InspectorControls, useBlockProps } = blockEditor;
  const { PanelBody, TextControl, SelectControl, ToggleControl, Placeholder } = components;

  blocks.registerBlockType('trimova/article', {
    edit({ attributes, setAttributes }) {
      const props = useBlockProps();
      const settings = h(InspectorControls, null, h(PanelBody, { title: __('Article', 'trimova') },
        h(TextControl, {
          label: __('Article id', 'trimova'),
          help: __('As in its address on the Trimova site, like north-korea-shells-2024-06.', 'trimova'),
          value: attributes.article,
          onChange: (article) => setAttributes({ article: article.trim().toLowerCase() }),
        }),
        h(SelectControl, {
          label: __('Edition', 'trimova'),
          value: attributes.lang,
          options: [
            { value: '', label: __("The reader's language", 'trimova') },
            { value: 'uk', label: 'Українська' },
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
          ],
          onChange: (lang) => setAttributes({ lang }),
        }),
        h(ToggleControl, {
          label: __('Reading settings', 'trimova'),
          checked: attributes.readerControls,
          onChange: (readerControls) => setAttributes({ readerControls }),
        })));
      const body = attributes.article
        ? h(ServerSideRender, { block: 'trimova/article', attributes })
        : h(Placeholder, {
          icon: 'media-document',
          label: __('Trimova article', 'trimova'),
          instructions: __('Give the article id in the block settings, or paste the article address into the editor.', 'trimova'),
        });
      return h('div', props, settings, body);
    },
    // Rendered on the server (block.json: render).
    save: () => null,
  });
}(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n, window.wp.serverSideRender));
