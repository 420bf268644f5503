/* co_conf_table.c: every CareerOps setting, in one table.
 * `careerops config --help` and docs/CONFIGURATION.md are generated from it;
 * a test checks the committed document is current. */
#include "co_conf.h"

#define S(n, def, doc) {n, CO_CONF_STR, def, 0, 0, NULL, 0, doc}
#define SECRET(n, doc) {n, CO_CONF_STR, "", 0, 0, NULL, CO_CONF_F_SECRET, doc}
#define I(n, def, lo, hi, doc) {n, CO_CONF_INT, def, lo, hi, NULL, 0, doc}
#define D(n, def, lo, hi, doc) {n, CO_CONF_DBL, def, lo, hi, NULL, 0, doc}
#define B(n, def, doc) {n, CO_CONF_BOOL, def, 0, 1, NULL, 0, doc}
#define E(n, def, choices, doc) {n, CO_CONF_ENUM, def, 0, 0, choices, 0, doc}

static const co_conf_prop_t co_conf_table[] = {
    /* General */
    S("app.id", "careerops", "Application id: consumer group id and prefix of internal topics (changelogs)."),
    S("state.dir", "./careerops-data", "Directory for local state: RocksDB stores, checkpoints, embedded log."),
    E("log.level", "info", "error|warn|info|debug", "Lowest level of log lines written to stderr; commands other than run and ingest log at warn unless this is set."),
    E("log.format", "auto", "auto|json|human", "Log line format; auto is human on a terminal, JSON otherwise."),
    S("debug", "", "Comma list of components whose debug lines are shown (e.g. state,vector), or all."),
    S("user.timezone", "",
      "IANA time zone (e.g. Europe/Berlin) the CLI and notifications show times in; empty: the system's."),

    /* Kafka / runtime */
    S("brokers", "", "Kafka bootstrap servers (host:port,...). Empty runs the embedded mode: one process, no broker."),
    E("processing.guarantee", "exactly_once", "exactly_once|at_least_once",
      "Delivery guarantee: transactions with read_committed, or plain commits after processing."),
    I("commit.interval.ms", "100", 10, 60000, "How often a task commits its transaction (or offsets)."),
    B("commit.overlap", "true",
      "Exactly-once: process the next records while a transaction commits; their outputs wait for the commit."),
    I("test.commit.abort.every", "0", 0, 1000000,
      "Testing only: every Nth overlapping commit is aborted as if the broker had refused it (0: never)."),
    I("num.standby.replicas", "0", 0, 3, "Warm copies of each task's stores kept on other instances."),
    S("group.instance.id", "", "Static group membership id; a restart within session.timeout does not rebalance."),
    E("group.assignor", "range", "range|cooperative-sticky",
      "How the group spreads source partitions: range balances every topic (+-1 per instance) and gives partition p "
      "of co-partitioned topics to one instance (eager: a rebalance pauses every task briefly); cooperative-sticky "
      "moves fewer tasks but balances only the total count over all topics."),
    I("topic.partitions", "6", 1, 1024, "Partitions for topics created by `careerops topics create`."),
    I("topic.replication.factor", "1", 1, 7, "Replication factor for created topics."),
    I("topic.min.insync.replicas", "0", 0, 7,
      "min.insync.replicas of created topics (writes need this many in-sync replicas); 0: the broker's default."),
    I("max.message.bytes", "1048576", 1024, 67108864, "Largest record a processor accepts; larger ones go to the DLQ."),
    I("dlq.max.attempts", "3", 1, 100, "Attempts at a failing downstream call before the record goes to the DLQ."),
    I("retry.backoff.ms", "200", 1, 600000, "First retry delay; doubles per attempt."),

    /* Topics */
    S("topic.raw", "raw_inbox_stream", "Topic of normalized raw emails (key: account)."),
    S("topic.classified", "classified_events", "Topic of classified events."),
    S("topic.research", "research_tasks", "Repartition topic of research tasks (key: company)."),
    S("topic.notifications", "notifications", "Topic of notifications (key: account)."),
    S("topic.dlq", "dlq_dead_letters", "Dead-letter topic; records carry their cause in headers."),
    S("topic.corrections", "corrections",
      "Topic of manual corrections to applications (key: account, so it is co-partitioned with topic.raw)."),

    /* State */
    I("state.cache.mb", "64", 8, 65536, "RocksDB block cache shared by all stores of the instance (MiB)."),
    I("state.write.buffer.mb", "64", 4, 65536, "Total RocksDB memtable budget of the instance (MiB)."),
    I("dedupe.ttl.s", "2592000", 60, 315360000, "How long a seen message id is remembered (seconds)."),

    /* Ingestion */
    S("imap.url", "", "IMAP(S) mailbox URL, e.g. imaps://imap.gmail.com/INBOX. Empty disables IMAP."),
    S("imap.user", "", "IMAP login name."),
    SECRET("imap.password", "IMAP password (LOGIN/PLAIN)."),
    SECRET("imap.oauth.token", "OAuth2 access token for SASL XOAUTH2 (Gmail, Outlook)."),
    I("imap.poll.s", "30", 1, 86400, "Poll interval when the server has no IDLE."),
    S("imap.ca.file", "", "PEM CA bundle that verifies IMAP servers' certificates (imaps://, STARTTLS); empty: system store."),
    S("account", "me", "Account name events are keyed by when a source names none."),
    I("ingest.max.body.bytes", "262144", 1024, 67108864, "Text body bytes kept per email; longer is truncated and flagged."),
    S("import.watch.dir", "", "Folder `careerops run` watches: *.mbox and *.eml files dropped there are imported (exactly once) and moved to its imported/ (failed/ if unreadable); empty: none."),
    I("import.watch.interval.ms", "1000", 100, 3600000, "How often the watched folder is looked at."),

    /* Classification */
    S("classify.model", "", "Path of the offline classifier model; empty uses the installed default."),
    D("classify.review.threshold", "0.8", 0, 1,
      "An email whose calibrated confidence is below this goes to the needs-review queue (also: job mail read as OTHER "
      "with interview/offer evidence). 0 queues only the latter."),
    S("llm.providers", "", "Ordered LLM fallback chain, e.g. openai,gemini. Empty: offline classifier only."),
    S("llm.openai.url", "https://api.openai.com/v1", "Base URL of an OpenAI-compatible chat-completions API."),
    S("llm.openai.model", "gpt-4o-mini", "Model name for the OpenAI-compatible provider."),
    SECRET("llm.openai.keys", "Comma list of API keys, rotated on HTTP 429."),
    SECRET("llm.gemini.keys", "Comma list of Gemini API keys, rotated on HTTP 429."),
    I("llm.timeout.ms", "20000", 100, 600000, "Per-request LLM timeout."),
    I("llm.max.chars", "6000", 200, 200000, "Most characters of an email an LLM is shown."),
    S("llm.gemini.url", "https://generativelanguage.googleapis.com", "Base URL of the Gemini API."),
    S("llm.gemini.model", "gemini-1.5-flash", "Model name for the Gemini provider."),
    I("llm.breaker.failures", "5", 1, 1000, "Consecutive failures that open a provider's circuit breaker."),
    I("llm.breaker.cooldown.ms", "30000", 10, 3600000, "Time an open breaker waits before one probe request."),
    D("llm.rate.per.s", "5", 0.01, 100000, "Requests per second per LLM provider (token bucket, burst max(1, rate))."),

    /* Research / vector */
    SECRET("tavily.api.key", "Tavily search API key; empty builds offline briefings from mail history."),
    S("tavily.url", "https://api.tavily.com", "Tavily API base URL."),
    I("briefing.max.age.s", "604800", 0, 315360000, "A cached briefing older than this is refreshed."),
    I("research.timeout.ms", "15000", 100, 600000, "Per-request Tavily search timeout."),
    I("research.tavily.max.results", "5", 1, 20, "News results asked of Tavily per briefing."),
    I("research.tavily.retry.max.ms", "5000", 0, 600000,
      "Longest Tavily Retry-After waited out (once) on HTTP 429; longer is a transient error for the caller."),
    S("embed.model.dir", "", "Directory of the MiniLM embedder weights; empty uses the installed default."),
    D("search.min.score", "0.35", 0, 1,
      "Relevance floor of search: the vector side keeps chunks whose cosine with the query reaches it, so an "
      "off-topic query finds nothing (measured for MiniLM, docs/search.md; the hashed fallback embedder's "
      "cosines run lower and get no floor). A query's min_score overrides it."),
    D("search.min.coverage", "0.5", 0, 1,
      "Keyword side of search: a chunk must hold this share of the query's distinct words (stop words aside), "
      "so one common word of an off-topic query finds nothing; 0 admits any word (docs/search.md)."),
    I("vector.hnsw.threshold", "20000", 0, 100000000, "Vectors above which an index switches from flat to HNSW."),

    /* API */
    S("api.listen", "127.0.0.1:8080", "Address the REST API and dashboard listen on."),
    S("api.advertised.url", "", "URL other instances use to reach this one; empty derives it from api.listen."),
    SECRET("api.admin.token", "Bearer token for admin endpoints (DLQ, metrics)."),
    I("api.max.body.bytes", "65536", 1024, 16777216, "Largest request body accepted (413 above)."),
    I("api.threads", "4", 1, 256, "Worker threads of the API server."),
    S("api.cors.origin", "", "One origin allowed by CORS (e.g. https://ops.example); empty sends no CORS headers."),
    I("api.forward.timeout.ms", "3000", 100, 600000, "Timeout of a request forwarded to the instance owning the data."),
    E("api.auth", "auto", "auto|local-session|required",
      "Who may call /api: required = bearer tokens only; local-session = tokens or the random session secret "
      "`careerops run` prints in the dashboard URL (cookie); auto = local-session on a loopback api.listen, else required."),
    S("api.public.names", "",
      "Comma list of extra Host header names (name or name:port) the API answers besides loopback names, "
      "the api.listen address and api.advertised.url's host; any other Host is refused (421)."),
    I("api.max.connections", "4096", 16, 1000000, "Open HTTP connections the API accepts in total (more wait in the listen queue)."),
    I("api.max.connections.per.ip", "256", 0, 1000000,
      "Open HTTP connections per client address (0: no limit); not applied on a loopback api.listen (every client is one address)."),
    I("api.connection.timeout.s", "30", 1, 3600, "An idle HTTP connection (keep-alive or half-sent request) is closed after this long."),
    S("api.public.url", "",
      "Base URL people open the dashboard at (e.g. https://ops.example); notifications and the calendar link to "
      "applications under it. Empty: no link."),

    /* Notifications */
    SECRET("slack.webhook.url", "Slack incoming-webhook URL (the URL is the credential)."),
    S("whatsapp.url", "https://graph.facebook.com/v19.0", "WhatsApp Cloud API base URL."),
    SECRET("whatsapp.token", "WhatsApp Cloud API access token."),
    S("whatsapp.phone.id", "", "WhatsApp sender phone-number id."),
    S("whatsapp.to", "", "WhatsApp recipient number."),
    S("webhook.url", "", "Generic webhook URL; requests are HMAC-SHA256 signed."),
    SECRET("webhook.secret", "HMAC key for the generic webhook."),
    I("notify.retry.max", "4", 1, 20, "HTTP attempts per notification delivery before the record is retried later."),
    I("notify.backoff.ms", "500", 1, 600000, "First delay between notification attempts; doubles per attempt."),
    I("notify.backoff.max.ms", "30000", 1, 3600000, "Longest delay between notification attempts (Retry-After included)."),
    I("notify.timeout.ms", "10000", 100, 600000, "Per-request timeout of a notification delivery (connect included)."),
    I("notify.journal.max", "100000", 100, 100000000, "Deliveries kept in the local delivery journal (state.dir/notify.journal)."),
    I("notify.pending.interval.ms", "10000", 100, 86400000, "How often messages kept for a paused channel are retried once it is resumed."),
};

const co_conf_prop_t *co_conf_props(int *cntp) {
  *cntp = (int)(sizeof(co_conf_table) / sizeof(co_conf_table[0]));
  return co_conf_table;
}
