/* co_api_assets.h: static files compiled into the binary.
 *
 * Every file under api/dashboard/ is embedded at build time by
 * api/cmake/co_embed.cmake (a CMake script: no xxd, no runtime file access),
 * so the dashboard ships inside `careerops` and cannot drift from the API it
 * talks to. The server maps "/" to "index.html" and "/assets/<path>" to
 * "<path>"; so index.html refers to its files as "/assets/app.js",
 * "/assets/style.css". Assets carry no data and need no token. */
#ifndef CO_API_ASSETS_H
#define CO_API_ASSETS_H

#include <stddef.h>

typedef struct co_api_asset_s {
  const char *path;         /* relative to api/dashboard/, e.g. "app.js", "img/logo.svg" */
  const char *content_type; /* from the extension, e.g. "text/javascript; charset=utf-8" */
  const unsigned char *data;
  size_t len;
} co_api_asset_t;

/* The embedded dashboard file at path (no leading '/'), or NULL. Static
 * storage: never freed. Thread-safe. */
const co_api_asset_t *co_api_asset_find(const char *path);

#endif
