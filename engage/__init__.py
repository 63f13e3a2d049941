"""engage: consultation and engagement surveys for children's services."""
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from engage import db, errors, extensions, i18n, input_filter, templating
from engage.config import Config
from engage.flask_app import EngageFlask

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: type[Config] | dict | None = None) -> Flask:
    """Build the application: configure, then register every part."""
    app = EngageFlask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    Config.finalise(app)
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    db.init_app(app)
    extensions.init_app(app)
    input_filter.init_app(app)
    i18n.init_app(app)  # respondent languages
    templating.init_app(app)
    errors.init_app(app)
    # Imported here, not above: the commands pull in the text analysis (nltk, scipy), which a
    # process that only imports a module of engage (an export's worker) should not pay for.
    from engage import cli

    cli.init_app(app)

    from engage.respond import bp as respond_bp

    app.register_blueprint(respond_bp)

    from engage import auth, workspace  # staff workspace

    auth.init_app(app)
    workspace.init_app(app)

    from engage import insights  # results, exports and "You said, we did"

    insights.init_app(app)
    from engage import public  # the public "You said, we did" page

    public.init_app(app)

    from engage import comments, triage  # triage and tag corrections

    triage.init_app(app)
    comments.init_app(app)
    from engage import api  # read-only data API for BI tools

    api.init_app(app)
    return app
