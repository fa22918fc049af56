"""The office's time zone when the settings name none: Vietnam's, one spelling for all."""

from __future__ import annotations

DEFAULT_TZ = "Asia/Ho_Chi_Minh"
