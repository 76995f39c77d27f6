<?php
// The editor script's dependencies (what a build step would write; this script needs none).
return array(
    'dependencies' => array('wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render'),
    'version' => '0.2.0',
);
