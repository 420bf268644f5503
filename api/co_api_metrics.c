/* co_api_metrics.c: HTTP metrics in Prometheus text format: requests by
 * route template (never the raw path: bounded label values) and status
 * code, and a latency histogram per route. Fixed arrays under one mutex:
 * an increment costs less than the request's JSON encoding. */
#include <string.h>

#include "co_api_int.h"


/* Status codes the server can return, in index order. */
static const int co_api_codes[CO_API_CODES] = {200, 204, 400, 401, 403, 404, 405, 413, 414, 500, 503, 202, 303, 415, 421};
static const double co_api_lat_le[CO_API_LAT_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                          0.025,  0.05,  0.1,    0.5,   2.5};


void co_api_metrics_init(co_api_metrics_t *m) {
  memset(m, 0, sizeof(*m));
  pthread_mutex_init(&m->lock, NULL);
}

void co_api_metrics_destroy(co_api_metrics_t *m) {
  pthread_mutex_destroy(&m->lock);
}

static int co_api_code_idx(int status) {
  for (int i = 0; i < CO_API_CODES; i++)
    if (co_api_codes[i] == status) return i;
  return 9; /* 5xx and anything unexpected count as 500 */
}

void co_api_metrics_observe(co_api_metrics_t *m, co_api_route_t route, int status, double seconds) {
  int b = 0;
  if ((unsigned)route >= CO_API_R__CNT) route = CO_API_R_UNKNOWN;
  while (b < CO_API_LAT_BUCKETS && seconds > co_api_lat_le[b]) b++;
  pthread_mutex_lock(&m->lock);
  m->req[route][co_api_code_idx(status)]++;
  m->lat[route][b]++;
  m->lat_sum[route] += seconds;
  m->lat_cnt[route]++;
  pthread_mutex_unlock(&m->lock);
}

void co_api_metrics_write(co_api_metrics_t *m, FILE *out) {
  co_api_metrics_t s;
  pthread_mutex_lock(&m->lock);
  memcpy(&s, m, sizeof(s));
  pthread_mutex_unlock(&m->lock);
  fprintf(out, "# HELP careerops_http_requests_total HTTP requests served, by route template and status code.\n"
               "# TYPE careerops_http_requests_total counter\n");
  for (int r = 0; r < CO_API_R__CNT; r++)
    for (int k = 0; k < CO_API_CODES; k++)
      if (s.req[r][k])
        fprintf(out, "careerops_http_requests_total{route=\"%s\",code=\"%d\"} %llu\n", co_api_route_name((co_api_route_t)r),
                co_api_codes[k], (unsigned long long)s.req[r][k]);
  fprintf(out, "# HELP careerops_http_request_duration_seconds Time from request line to queued response.\n"
               "# TYPE careerops_http_request_duration_seconds histogram\n");
  for (int r = 0; r < CO_API_R__CNT; r++) {
    if (!s.lat_cnt[r]) continue;
    uint64_t cum = 0;
    for (int b = 0; b < CO_API_LAT_BUCKETS; b++) {
      cum += s.lat[r][b];
      fprintf(out, "careerops_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
              co_api_route_name((co_api_route_t)r), co_api_lat_le[b], (unsigned long long)cum);
    }
    fprintf(out, "careerops_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
            co_api_route_name((co_api_route_t)r), (unsigned long long)s.lat_cnt[r]);
    fprintf(out, "careerops_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", co_api_route_name((co_api_route_t)r),
            s.lat_sum[r]);
    fprintf(out, "careerops_http_request_duration_seconds_count{route=\"%s\"} %llu\n", co_api_route_name((co_api_route_t)r),
            (unsigned long long)s.lat_cnt[r]);
  }
}
