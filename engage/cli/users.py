"""`flask --app engage users ...`: create, list, disable, enable, reset and change the role of staff accounts."""
import click
from flask.cli import AppGroup

from engage.cli.refused import call_or_exit
from engage.db import get_session
from engage.models import Role
from engage.services import accounts
from engage.services.security import credentials

users = AppGroup("users", help="Create, list, disable, enable and reset staff accounts, and change their role.")


@users.command("create")
@click.option("--email", required=True, help="The person's email address (their sign-in name).")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="What they may do.")
@click.option("--school", "schools", multiple=True, type=int,
              help="School id a school contact or a school's safeguarding lead looks after (repeat for several).")
@click.option("--password", help="Their password (asked for, hidden, when not given).")
def create(email: str, role: str, schools: tuple[int, ...], password: str | None) -> None:
    """Create a staff account with a role."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    user = call_or_exit(accounts.create_user, get_session(), email, role, password, schools)
    click.echo(f"Created {user.email} ({user.role}).")


@users.command("list")
def list_users() -> None:
    """List staff accounts with their role and state."""
    for user in accounts.list_users(get_session()):
        state = "active" if user.active else "disabled"
        schools = f" schools={','.join(str(s.id) for s in user.schools)}" if user.schools else ""
        click.echo(f"{user.email}\t{user.role}\t{state}{schools}")


@users.command("disable")
@click.option("--email", required=True, help="The account to disable.")
def disable(email: str) -> None:
    """Stop an account signing in (its history stays)."""
    user = call_or_exit(accounts.disable_user, get_session(), email)
    click.echo(f"Disabled {user.email}.")


@users.command("enable")
@click.option("--email", required=True, help="The account to let in again.")
def enable(email: str) -> None:
    """Let a disabled account sign in again, with the role and schools it had."""
    user = call_or_exit(accounts.enable_user, get_session(), email)
    click.echo(f"Enabled {user.email}.")


@users.command("set-role")
@click.option("--email", required=True, help="The account to change.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="Its new role.")
@click.option("--school", "schools", multiple=True, type=int,
              help="School id a school contact or a school's safeguarding lead looks after (repeat; replaces).")
def set_role(email: str, role: str, schools: tuple[int, ...]) -> None:
    """Change an account's role (and a school contact's schools); the change is audited."""
    user = call_or_exit(accounts.set_role, get_session(), email, role, schools or None)
    scope = f" for schools {', '.join(str(s.id) for s in user.schools)}" if user.schools else ""
    click.echo(f"{user.email} is now {user.role}{scope}.")


@users.command("reset-password")
@click.option("--email", required=True, help="The account to reset.")
@click.option("--password", help="The new password (asked for, hidden, when not given).")
@click.option("--clear-two-step", is_flag=True,
              help="Also remove their authenticator app (a lost phone): they set it up again at sign-in.")
def reset_password(email: str, password: str | None, clear_two_step: bool) -> None:
    """Give an account a new password; every session of it ends; audited."""
    if password is None:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    user = call_or_exit(credentials.reset_password, get_session(), email, password, clear_two_step)
    extra = " Two-step sign-in is off until they set it up again." if clear_two_step else ""
    click.echo(f"New password set for {user.email}; every session of it has ended.{extra}")
