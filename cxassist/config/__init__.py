"""cxassist configuration: the settings schema, where settings come from, paths and the local-folder check.

Standard library, platformdirs, tomli_w and `cxassist.domain` only: no Qt. The public API is below; the
submodules are internal.
"""

from cxassist.config.errors import ConfigError
from cxassist.config.loading import load_settings, save_user_setting
from cxassist.config.paths import NETWORK_FILE_SYSTEMS, Paths, ensure_local_folder, resolve_paths
from cxassist.config.schema import DEFAULT_EMERGENCY_NUMBERS, KEYS, SCHEMA, Key, render_key_table
from cxassist.config.settings import (
    AgentSettings,
    EmergencySettings,
    FolderSettings,
    HttpSettings,
    LoggingSettings,
    PhoneSettings,
    PostgresqlSettings,
    PromptsSettings,
    ReviewSettings,
    RolesSettings,
    Settings,
    StorageSettings,
    SyncSettings,
    UiSettings,
)
from cxassist.config.sources import (
    SITE_CONFIG_ENV,
    check_site_file,
    default_site_file,
    site_file_location,
    user_settings_file,
)
from cxassist.config.upgrades import UpgradeRegistry, current_settings_version, upgrade_step

__all__ = [
    "DEFAULT_EMERGENCY_NUMBERS",
    "KEYS",
    "NETWORK_FILE_SYSTEMS",
    "SCHEMA",
    "SITE_CONFIG_ENV",
    "AgentSettings",
    "ConfigError",
    "EmergencySettings",
    "FolderSettings",
    "HttpSettings",
    "Key",
    "LoggingSettings",
    "Paths",
    "PhoneSettings",
    "PostgresqlSettings",
    "PromptsSettings",
    "ReviewSettings",
    "RolesSettings",
    "Settings",
    "StorageSettings",
    "SyncSettings",
    "UiSettings",
    "UpgradeRegistry",
    "check_site_file",
    "current_settings_version",
    "default_site_file",
    "ensure_local_folder",
    "load_settings",
    "render_key_table",
    "resolve_paths",
    "save_user_setting",
    "site_file_location",
    "upgrade_step",
    "user_settings_file",
]
