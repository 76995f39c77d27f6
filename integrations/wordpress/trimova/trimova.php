<?php
/**
 * Plugin Name:       Trimova
 * Description:       Embeds Trimova articles (Ukrainian, English, Russian, with machine translation) in posts and pages: a block, a pasted article address, or the [trimova] shortcode.
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Trimova
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       trimova
 * Domain Path:       /languages
 *
 * Where Trimova's dist/ folder is deployed (its "origin") and the default edition language are
 * set under Settings > Trimova. The element's script (embed.js) is loaded from that origin only
 * on pages that show an article, as a module (wp_enqueue_script_module on WordPress 6.5 and
 * later, a module script tag before that). Every element holds a link to the article's page on
 * the Trimova site, so feeds, readers without JavaScript and failed loads still lead somewhere.
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

/**
 * Whether `$url` may be Trimova's origin: https, or plain http for this machine only (a
 * developer's localhost). Read without any DNS lookup.
 */
function trimova_is_allowed_origin($url) {
    $parts = wp_parse_url($url);
    if (!is_array($parts) || empty($parts['host']) || empty($parts['scheme'])) {
        return false;
    }
    if ($parts['scheme'] === 'https') {
        return true;
    }
    return $parts['scheme'] === 'http' && in_array(strtolower($parts['host']), array('localhost', '127.0.0.1', '[::1]'), true);
}

/**
 * Whether an article file at `$src` may be shown: it must lie under the configured origin, or
 * under one that the `trimova_allowed_src_origins` filter adds (each with a trailing slash).
 */
function trimova_is_allowed_src($src) {
    $origin = trimova_origin();
    $allowed = (array) apply_filters('trimova_allowed_src_origins', $origin === '' ? array() : array($origin));
    foreach ($allowed as $prefix) {
        $prefix = trailingslashit((string) $prefix);
        if ($prefix !== '/' && trimova_is_allowed_origin($prefix) && strpos($src, $prefix) === 0) {
            return true;
        }
    }
    return false;
}

/** Loads embed.js once, on this page only, through WordPress's own functions. */
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
    // Says so in the element when embed.js itself cannot start (a wrong origin, no CORS header,
    // a policy that blocks it); served from this site, so it runs when the origin does not.
    wp_enqueue_script('trimova-fallback', plugins_url('fallback.js', __FILE__), array(), '0.2.0', true);
}

/**
 * Before WordPress 6.5 scripts are classic: embed.js is marked as the module it is, in place of
 * the `type='text/javascript'` a theme without HTML5 script support gets.
 */
add_filter('script_loader_tag', function ($tag, $handle) {
    if ($handle !== 'trimova') {
        return $tag;
    }
    $tag = preg_replace('/\s+type=([\'"])text\/javascript\1/', '', $tag);
    return str_replace(' src=', ' type="module" src=', $tag);
}, 10, 2);

/** The page of an article on the Trimova site: in `$lang`, or (none) the reader's own. */
function trimova_article_page($id, $lang) {
    return trimova_origin() . ($lang === '' ? '' : $lang . '/') . $id;
}

/**
 * The element for an article: `article` (an id) or `src` (an article file under an allowed
 * origin), `lang` ('' for the reader's own), `reader-controls`. Holds a link to the article's page, which readers see
 * until the viewer starts, or instead of it. Returns '' (or a note for editors) when nothing
 * can be shown.
 */
function trimova_element($attributes) {
    $attributes = wp_parse_args($attributes, array('article' => '', 'src' => '', 'lang' => '', 'reader-controls' => ''));
    $origin = trimova_origin();
    if ($origin === '') {
        return current_user_can('edit_posts')
            ? '<p class="trimova-missing">' . esc_html__('Trimova: set where Trimova is deployed under Settings > Trimova.', 'trimova') . '</p>'
            : '';
    }
    $lang = in_array($attributes['lang'], TRIMOVA_LANGUAGES, true) ? $attributes['lang'] : '';
    $element = array();
    if (preg_match('/^[a-z0-9-]{1,200}$/', (string) $attributes['article'])) {
        $element['article'] = $attributes['article'];
        $page = trimova_article_page($attributes['article'], $lang);
    } elseif ($attributes['src'] !== '' && trimova_is_allowed_src((string) $attributes['src'])) {
        $element['src'] = $attributes['src'];
        // An article file of the origin's own has a page there; another allowed origin's does not.
        $page = preg_match('#^' . preg_quote($origin, '#') . 'articles/([a-z0-9-]{1,200})\.json$#', (string) $attributes['src'], $m)
            ? trimova_article_page($m[1], $lang)
            : $origin;
    } else {
        return current_user_can('edit_posts')
            ? '<p class="trimova-missing">' . esc_html__('Trimova: name an article by its id, or give the address of an article file on the Trimova site set under Settings > Trimova.', 'trimova') . '</p>'
            : '';
    }
    if ($lang !== '') {
        $element['lang'] = $lang;
    }
    if ($attributes['reader-controls'] === 'off') {
        $element['reader-controls'] = 'off';
    }
    trimova_enqueue();
    $html = '<trimova-article';
    foreach ($element as $name => $value) {
        $html .= ' ' . $name . '="' . ($name === 'src' ? esc_url($value) : esc_attr($value)) . '"';
    }
    return $html . '><a class="trimova-link" href="' . esc_url($page) . '">'
        . esc_html__('Read the article on the Trimova site', 'trimova') . '</a></trimova-article>';
}

/**
 * [trimova article="some-article-id" lang="uk"] — or src="https://…/articles/some-id.json"
 * instead of article; reader-controls="off" hides the reading settings inside the element.
 */
add_shortcode('trimova', function ($attributes) {
    return trimova_element(shortcode_atts(
        array('article' => '', 'src' => '', 'lang' => get_option('trimova_default_lang', ''), 'reader-controls' => ''),
        $attributes,
        'trimova'
    ));
});

/** The block (block/block.json), rendered on the server by block/render.php. */
add_action('init', function () {
    register_block_type(__DIR__ . '/block');
    load_plugin_textdomain('trimova', false, dirname(plugin_basename(__FILE__)) . '/languages');
});

/**
 * An article's address on the Trimova site, pasted alone on a line or into the editor, becomes
 * the article: `<origin><lang>/<id>` or `<origin><id>`.
 */
add_action('init', function () {
    $origin = trimova_origin();
    if ($origin === '') {
        return;
    }
    $pattern = '#^' . preg_quote($origin, '#') . '(?:(uk|en|ru)/)?([a-z0-9-]{1,200})/?$#';
    wp_embed_register_handler('trimova', $pattern, function ($matches) {
        return trimova_element(array('article' => $matches[2], 'lang' => $matches[1] ?? ''));
    });
});

/** A <trimova-article> written in a Custom HTML block needs the script too. */
add_filter('the_content', function ($content) {
    if (strpos($content, '<trimova-article') !== false) {
        trimova_enqueue();
    }
    return $content;
}, 1);

/** Settings > Trimova: the origin and the default language; a rejected value says why. */
add_action('admin_init', function () {
    register_setting('trimova', 'trimova_origin', array(
        'type' => 'string',
        'sanitize_callback' => function ($value) {
            $value = trim((string) $value);
            if ($value === '') {
                return '';
            }
            $url = esc_url_raw($value, array('http', 'https'));
            if ($url === '' || !trimova_is_allowed_origin($url)) {
                add_settings_error('trimova_origin', 'trimova_origin', sprintf(
                    /* translators: %s: the address that was entered */
                    __('"%s" cannot be Trimova\'s origin: give an https address (plain http only on localhost). The previous value is kept.', 'trimova'),
                    $value
                ));
                return get_option('trimova_origin', '');
            }
            return trailingslashit($url);
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
