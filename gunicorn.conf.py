"""gunicorn settings for engage: `gunicorn -c gunicorn.conf.py "engage:create_app()"`.

Everything a deployment changes comes from the environment (see docs/deploy.md):
ENGAGE_BIND (or PORT), ENGAGE_WORKERS, ENGAGE_TIMEOUT, ENGAGE_ACCESS_LOG,
ENGAGE_FORWARDED_ALLOW_IPS.
"""
import multiprocessing
import os


def _bind() -> str:
    """Listen where told; a bare PORT (as platforms set it) means every interface."""
    if os.environ.get("ENGAGE_BIND"):
        return os.environ["ENGAGE_BIND"]
    if os.environ.get("PORT"):
        return f"0.0.0.0:{os.environ['PORT']}"
    return "127.0.0.1:8000"


bind = [b.strip() for b in _bind().split(",") if b.strip()]

# Sync workers: each request is short CPU work plus one small transaction. Measured on
# 2 cores, sync beat gthread; a slow client cannot tie a worker up because the load
# balancer (or nginx) buffers requests and responses in front of gunicorn.
worker_class = "sync"
workers = int(os.environ.get("ENGAGE_WORKERS") or 2 * multiprocessing.cpu_count())

# A request that takes longer than this is stuck: the master kills and replaces the worker.
timeout = int(os.environ.get("ENGAGE_TIMEOUT", "30"))
# On SIGTERM/SIGHUP workers finish the request in hand before exiting (graceful restarts).
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow; the jitter stops them all
# restarting at the same moment.
max_requests = 5000
max_requests_jitter = 500
# Heartbeat files in memory, not on a disk that may stall under load.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Respondents are anonymous: never log client addresses, forwarded-for headers, referrers,
# user agents or query strings. The access log is off unless asked for, and even then
# it holds only time, method, path, status, size and duration.
accesslog = "-" if os.environ.get("ENGAGE_ACCESS_LOG") == "1" else None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("ENGAGE_LOG_LEVEL", "info")

# Trust X-Forwarded-Proto (https at the load balancer) only from these addresses.
forwarded_allow_ips = os.environ.get("ENGAGE_FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

# Each worker builds its own app and database engine after the fork: a connection pool
# must never be shared between processes.
# The app and its text models are built once in the master, before the workers fork, so no
# child (nor a worker restarted after max_requests) makes a respondent wait while it trains
# the safeguarding screen and the value tagger (half a minute on a busy machine).
preload_app = True


def when_ready(server):
    """Load every free-text model once in the master, before any worker is forked.

    Workers share what the master loaded, so a new worker (one started after max_requests too)
    loads nothing: when each worker read the language model itself, every restart cost about a
    second of CPU while it served no one.
    """
    import gc

    from engage.analysis.analyse import warm_up
    from engage.services import free_text

    warm_up()
    try:
        with server.app.wsgi().app_context():
            free_text.tagger().predict(["warming up"])  # a retrained tagger, if one is installed
    except Exception:  # noqa: BLE001  (a cold start is slower, never fatal)
        server.log.exception("Could not load the retrained tagger; workers will load it on first use")
    # The app and its models live as long as the master: out of the collector's reach, a
    # worker's collections neither walk them nor write to their pages (which would copy each
    # page the master shares into every worker).
    gc.freeze()


def post_fork(server, worker):
    """Give each worker its own database connections: none may cross the fork."""
    engine = server.app.wsgi().extensions.get("engage.engine")
    if engine is not None:
        engine.dispose(close=False)

# gunicorn's control socket sits at one fixed path per user, so two instances on one
# machine would fight over it; engage needs none (restarts use signals). Opt in with a path.
control_socket_disable = not os.environ.get("ENGAGE_CONTROL_SOCKET")
if os.environ.get("ENGAGE_CONTROL_SOCKET"):
    control_socket = os.environ["ENGAGE_CONTROL_SOCKET"]



def worker_exit(server, worker):
    """Let a worker that stops in good order end at once instead of tearing its heap down.

    Python's own shutdown frees a worker's objects one by one, writing to the pages it shares
    with the master: about a quarter of a second of CPU per worker, paid again at every
    max_requests restart. By now the request in hand is finished (graceful stops included);
    the database connections are closed and the logs flushed first. A worker ending on an
    error exits as before, with its code.
    """
    import logging
    import sys

    stopping = sys.exc_info()[1]
    if not (isinstance(stopping, SystemExit) and stopping.code in (0, None)):
        return
    engine = server.app.wsgi().extensions.get("engage.engine")
    if engine is not None:
        engine.dispose()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
