<?php
/**
 * Plugin Name: Trimova
 * Description: Embeds Trimova articles (Ukrainian, English, Russian, with machine translation) in posts and pages: the [trimova] shortcode, or a <trimova-article> element in a Custom HTML block.
 * Version: 0.1.0
 * Requires at least: 5.0
 * Requires PHP: 7.4
 * License: MIT
 * Text Domain: trimova
 *
 * Where Trimova's dist/ folder is deployed (its "origin") and the default edition language are
 * set under Settings > Trimova. The element's script (embed.js) is loaded only on pages that
 * show an article, as a module (wp_enqueue_script_module on WordPress 6.5 and later, a
 * type="module" script tag before that).
 */

if (!defined('ABSPATH')) {
    exit;
}

const TRIMOVA_LANGUAGES = array('uk', 'en', 'ru');

/** The folder embed.js is served from, with a trailing slash; '' until it is set. */
function trimova_origin() {
    $origin = (string) get_option('trimova_origin', '');
    return $origin === '' ? '' : trailingslashit($origin);
}

/** Loads embed.js once, on this page only. */
function trimova_enqueue() {
    $origin = trimova_origin();
    if ($origin === '') {
        return;
    }
    $src = $origin . 'embed.js';
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module('trimova', $src, array(), null);
    } else {
        wp_enqueue_script('trimova', $src, array(), null, true);
    }
}

/** Before WordPress 6.5 scripts are classic: embed.js is a module. */
add_filter('script_loader_tag', function ($tag, $handle, $src) {
    if ($handle !== 'trimova') {
        return $tag;
    }
    return sprintf('<script type="module" src="%s" id="trimova-js"></script>' . "\n", esc_url($src));
}, 10, 3);

/**
 * [trimova article="some-article-id" lang="uk"] — or src="https://…/article.json" instead of
 * article; reader-controls="off" hides the reading settings inside the element.
 */
add_shortcode('trimova', function ($attributes) {
    $attributes = shortcode_atts(
        array('article' => '', 'src' => '', 'lang' => get_option('trimova_default_lang', ''), 'reader-controls' => ''),
        $attributes,
        'trimova'
    );
    $element = array();
    if (preg_match('/^[a-z0-9-]{1,200}$/', $attributes['article'])) {
        $element['article'] = $attributes['article'];
    } elseif ($attributes['src'] !== '' && wp_http_validate_url($attributes['src'])) {
        $element['src'] = $attributes['src'];
    } else {
        return current_user_can('edit_posts')
            ? '<p class="trimova-missing">' . esc_html__('[trimova]: name an article (article="its-id") or a src URL.', 'trimova') . '</p>'
            : '';
    }
    if (in_array($attributes['lang'], TRIMOVA_LANGUAGES, true)) {
        $element['lang'] = $attributes['lang'];
    }
    if ($attributes['reader-controls'] === 'off') {
        $element['reader-controls'] = 'off';
    }
    trimova_enqueue();
    $html = '<trimova-article';
    foreach ($element as $name => $value) {
        $html .= ' ' . $name . '="' . ($name === 'src' ? esc_url($value) : esc_attr($value)) . '"';
    }
    return $html . '></trimova-article>';
});

/** A <trimova-article> written in a Custom HTML block needs the script too. */
add_filter('the_content', function ($content) {
    if (strpos($content, '<trimova-article') !== false) {
        trimova_enqueue();
    }
    return $content;
}, 1);

/** Settings > Trimova: the origin and the default language. */
add_action('admin_init', function () {
    register_setting('trimova', 'trimova_origin', array(
        'type' => 'string',
        'sanitize_callback' => function ($value) {
            $url = esc_url_raw(trim((string) $value), array('http', 'https'));
            return $url === '' ? '' : trailingslashit($url);
        },
        'default' => '',
    ));
    register_setting('trimova', 'trimova_default_lang', array(
        'type' => 'string',
        'sanitize_callback' => function ($value) {
            return in_array($value, TRIMOVA_LANGUAGES, true) ? $value : '';
        },
        'default' => '',
    ));
    add_settings_section('trimova_main', '', '__return_false', 'trimova');
    add_settings_field('trimova_origin', __('Trimova origin', 'trimova'), function () {
        printf(
            '<input type="url" class="regular-text" id="trimova_origin" name="trimova_origin" value="%s" placeholder="https://static.example.org/trimova/"><p class="description">%s</p>',
            esc_attr(get_option('trimova_origin', '')),
            esc_html__('Where Trimova\'s dist/ folder is deployed: embed.js is loaded from there. Serve it with Access-Control-Allow-Origin.', 'trimova')
        );
    }, 'trimova', 'trimova_main', array('label_for' => 'trimova_origin'));
    add_settings_field('trimova_default_lang', __('Default edition', 'trimova'), function () {
        $current = get_option('trimova_default_lang', '');
        echo '<select id="trimova_default_lang" name="trimova_default_lang">';
        printf('<option value=""%s>%s</option>', selected($current, '', false), esc_html__('The reader\'s language', 'trimova'));
        foreach (array('uk' => 'Українська', 'en' => 'English', 'ru' => 'Русский') as $code => $name) {
            printf('<option value="%s"%s>%s</option>', esc_attr($code), selected($current, $code, false), esc_html($name));
        }
        echo '</select>';
    }, 'trimova', 'trimova_main', array('label_for' => 'trimova_default_lang'));
});

add_action('admin_menu', function () {
    add_options_page('Trimova', 'Trimova', 'manage_options', 'trimova', function () {
        echo '<div class="wrap"><h1>Trimova</h1><form method="post" action="options.php">';
        settings_fields('trimova');
        do_settings_sections('trimova');
        submit_button();
        echo '</form></div>';
    });
});
