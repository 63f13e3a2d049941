"""`flask api-tokens create|list|revoke`: the tokens BI tools use to read results."""
import click
from flask.cli import AppGroup

from engage.cli.refused import call_or_exit
from engage.db import get_session
from engage.models._time import utcnow
from engage.services import api_tokens

tokens = AppGroup("api-tokens", help="Make, list and revoke tokens for the read-only data API.")


@tokens.command("create")
@click.option("--name", required=True, help="What uses the token, e.g. 'Power BI dashboard'.")
def create_command(name: str) -> None:
    """Make a token and show it once: it cannot be shown again."""
    token = call_or_exit(api_tokens.create, get_session(), name, utcnow())
    click.echo(token)
    click.echo("Copy this token now: engage keeps only a fingerprint of it and cannot show it again.", err=True)


@tokens.command("list")
def list_command() -> None:
    """List tokens: name, made, last used, and whether revoked (never the tokens themselves)."""
    found = api_tokens.listed(get_session())
    if not found:
        click.echo("No API tokens yet. Make one with: flask api-tokens create --name NAME")
    for token in found:
        used = token.last_used_at.strftime("%Y-%m-%d %H:%M") if token.last_used_at else "never"
        state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "live"
        click.echo(f"{token.name}\tmade {token.created_at:%Y-%m-%d}\tlast used {used}\t{state}")


@tokens.command("revoke")
@click.option("--name", required=True, help="The token's name, as in `api-tokens list`.")
def revoke_command(name: str) -> None:
    """Revoke a token; requests with it are refused at once."""
    token = call_or_exit(api_tokens.revoke, get_session(), name, utcnow())
    click.echo(f"Revoked '{token.name}'.")
