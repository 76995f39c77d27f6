<?php
/**
 * The Trimova article block on the page: the same element as the shortcode, built by
 * trimova_element() (a link to the article inside, embed.js enqueued). `$attributes` are the
 * block's, already read against block.json.
 */

if (!defined('ABSPATH')) {
    exit;
}

$trimova_element = trimova_element(array(
    'article' => (string) ($attributes['article'] ?? ''),
    'lang' => (string) ($attributes['lang'] ?? ''),
    'reader-controls' => empty($attributes['readerControls']) ? 'off' : '',
));
if ($trimova_element !== '') {
    printf('<div %s>%s</div>', get_block_wrapper_attributes(), $trimova_element); // phpcs:ignore WordPress.Security.EscapeOutput -- built escaped by trimova_element().
}
