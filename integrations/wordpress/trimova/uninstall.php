<?php
/**
 * Removing the plugin removes its settings, on every site of a network.
 */

if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

$trimova_options = array('trimova_origin', 'trimova_default_lang');
if (is_multisite()) {
    foreach (get_sites(array('fields' => 'ids', 'number' => 0)) as $trimova_site) {
        switch_to_blog($trimova_site);
        array_map('delete_option', $trimova_options);
        restore_current_blog();
    }
} else {
    array_map('delete_option', $trimova_options);
}
