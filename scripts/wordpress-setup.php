<?php
// Installs a throwaway WordPress for the end-to-end tests (scripts/wordpress.sh), without a
// browser: the site, its default theme, Trimova's plugin with its settings, and the posts the
// tests read. Idempotent: a second run changes nothing but the settings. Prints, as JSON, the
// posts' URLs, an application password for the REST API (`user:password`, as the block editor's
// requests are authorised) and the administrator's login. Arguments: the site's URL, Trimova's
// origin (where dist/ is served).
[$script, $site, $origin] = $argv;
$_SERVER['HTTP_HOST'] = parse_url($site, PHP_URL_HOST); // Debian's wp-config picks its config by host
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// No mail server here: the new site's notice goes nowhere.
add_filter('pre_wp_mail', '__return_false');
if (!is_blog_installed()) {
    wp_install('Trimova newsroom', 'editor', 'editor@example.org', false, '', wp_generate_password(24));
}
update_option('siteurl', $site);
update_option('home', $site);
// An administrator writes the posts (a Custom HTML block keeps its element: unfiltered_html).
wp_set_current_user(1);
switch_theme(WP_DEFAULT_THEME);
if (!is_plugin_active('trimova/trimova.php')) {
    $failed = activate_plugin('trimova/trimova.php');
    if (is_wp_error($failed)) {
        fwrite(STDERR, $failed->get_error_message() . "\n");
        exit(1);
    }
}
update_option('trimova_origin', trailingslashit($origin));
update_option('trimova_default_lang', 'uk');

$posts = array(
    'one' => array('One article', "A newsroom's post with one article.\n\n[trimova article=\"north-korea-shells-2024-06\" lang=\"en\"]"),
    'two' => array('Two articles', "[trimova article=\"north-korea-shells-2024-06\"]\n\nAnd another one:\n\n[trimova article=\"lviv-tram-depot-library-2026-10\" lang=\"ru\"]"),
    'html' => array('Custom HTML', "<!-- wp:html -->\n<trimova-article article=\"lviv-tram-depot-library-2026-10\" lang=\"en\"></trimova-article>\n<!-- /wp:html -->"),
    'hostile' => array('Hostile attributes', "[trimova article='a\"><img src=x onerror=alert(1)>' lang='en'][trimova src='javascript:alert(1)'][trimova article='lviv-tram-depot-library-2026-10' lang='en\" onmouseover=\"alert(1)']"),
    'none' => array('No article', 'A post without any article: nothing of Trimova should load here.'),
    'pasted' => array('Pasted address', "An article's address pasted alone on a line:\n\n" . trailingslashit($origin) . "en/north-korea-shells-2024-06\n\nThe end."),
    'src' => array('Article files', '[trimova src="' . trailingslashit($origin) . 'articles/lviv-tram-depot-library-2026-10.json" lang="en"][trimova src="https://elsewhere.example/articles/lviv-tram-depot-library-2026-10.json"]'),
    'missing' => array('No article named', "<!-- wp:html -->\n<trimova-article></trimova-article>\n<!-- /wp:html -->"),
);
// Posts the block test made in a run that stopped before removing them (`block-test`, `-2`, ...;
// `a-block` before it removed its post at all).
foreach (get_posts(array('numberposts' => -1, 'post_status' => 'any')) as $left) {
    if (preg_match('/^(block-test|a-block)(-\d+)?$/', $left->post_name)) {
        wp_delete_post($left->ID, true);
    }
}
$urls = array();
foreach ($posts as $slug => [$title, $content]) {
    $existing = get_page_by_path($slug, OBJECT, 'post');
    $post = array('post_name' => $slug, 'post_title' => $title, 'post_content' => $content, 'post_status' => 'publish');
    $id = $existing ? wp_update_post(array('ID' => $existing->ID) + $post) : wp_insert_post($post);
    $urls[$slug] = add_query_arg('p', $id, trailingslashit($site));
}
// The REST API as the block editor uses it, and the settings page, as an administrator.
$user = get_user_by('id', 1);
wp_set_password('editor-password', 1);
foreach (WP_Application_Passwords::get_user_application_passwords(1) as $existing) {
    WP_Application_Passwords::delete_application_password(1, $existing['uuid']);
}
[$password] = WP_Application_Passwords::create_new_application_password(1, array('name' => 'trimova-tests'));
echo json_encode(array(
    'posts' => $urls,
    'auth' => $user->user_login . ':' . $password,
    'login' => array('user' => $user->user_login, 'password' => 'editor-password'),
)), "\n";
