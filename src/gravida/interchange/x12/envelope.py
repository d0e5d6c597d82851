"""Who sends an 837P to whom, when, and under which control numbers: the interchange settings.

A claim says nothing about the clearinghouse it travels through, so the writer takes these as a separate input:
the ISA sender and receiver, the GS application codes, the submitter (1000A) and receiver (1000B) loops, the
control numbers and the test/production flag. The creation time is an input too: the library never reads the
clock, so the same claims and envelope always give the same file.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: The implementation guide the writer follows (GS08 and ST03).
VERSION = "005010X222A1"
#: Optional identifiers and the field each defaults to.
_DEFAULTS = (
    ("application_sender", "sender_id"),
    ("application_receiver", "receiver_id"),
    ("submitter_id", "sender_id"),
    ("receiver_id_code", "receiver_id"),
    ("group_control_number", "interchange_control_number"),
    ("reference", "interchange_control_number"),
)


class Envelope(BaseModel):
    """Interchange settings for one 837P file; the reader gives the same object back from a file.

    Identifiers default the way most clearinghouse set-ups fill them: the GS application codes and the 1000A
    submitter id to the ISA sender id, the 1000B receiver id to the ISA receiver id, the group control number
    and the BHT reference to the interchange control number.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    sender_id: str = Field(min_length=2, max_length=15, description="ISA06 interchange sender id.")
    sender_qualifier: str = Field(default="ZZ", min_length=2, max_length=2, description="ISA05, e.g. ZZ.")
    receiver_id: str = Field(min_length=2, max_length=15, description="ISA08 interchange receiver id.")
    receiver_qualifier: str = Field(default="ZZ", min_length=2, max_length=2, description="ISA07, e.g. ZZ.")
    application_sender: str | None = Field(default=None, min_length=2, max_length=15, description="GS02.")
    application_receiver: str | None = Field(default=None, min_length=2, max_length=15, description="GS03.")
    submitter_name: str = Field(min_length=1, max_length=60, description="1000A NM103: who submits the claims.")
    submitter_id: str | None = Field(default=None, min_length=2, max_length=80, description="1000A NM109.")
    submitter_contact: str | None = Field(default=None, max_length=60, description="1000A PER02 contact name.")
    submitter_phone: str | None = Field(default=None, pattern=r"^\d{1,256}$", description="1000A PER TE, digits.")
    submitter_email: str | None = Field(default=None, min_length=3, max_length=256, description="1000A PER EM.")
    receiver_name: str = Field(min_length=1, max_length=60, description="1000B NM103: the clearinghouse or payer.")
    receiver_id_code: str | None = Field(default=None, min_length=2, max_length=80, description="1000B NM109.")
    interchange_control_number: int = Field(ge=1, le=999_999_999, description="ISA13 / IEA02.")
    group_control_number: int | None = Field(default=None, ge=1, le=999_999_999, description="GS06 / GE02.")
    reference: str | None = Field(default=None, min_length=1, max_length=50, description="BHT03 batch reference.")
    usage: Literal["T", "P"] = Field(default="T", description="ISA15: T test, P production.")
    acknowledgment_requested: bool = Field(default=False, description="ISA14: ask for a TA1.")
    created: datetime = Field(description="When the file is created (local time, no timezone); never the clock.")

    @model_validator(mode="before")
    @classmethod
    def _defaults_are_none(cls, data: Any) -> Any:
        """An identifier given equal to its default is stored as None, so a file read back equals its settings."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for name, default in _DEFAULTS:
            value, fallback = data.get(name), data.get(default)
            if value is not None and fallback is not None and str(value).strip() == str(fallback).strip():
                data[name] = None
        return data

    @field_validator("created")
    @classmethod
    def _local_time_to_the_second(cls, value: datetime) -> datetime:
        if value.tzinfo is not None:
            raise ValueError("give a local time without a timezone: X12 dates and times carry none")
        return value.replace(microsecond=0)

    @model_validator(mode="after")
    def _a_way_to_reach_the_submitter(self) -> Envelope:
        for name, value in self:
            if isinstance(value, str) and (
                not (value.isascii() and value.isprintable()) or any(d in value for d in "*:^~")
            ):
                raise ValueError(
                    f"{name} holds a character an X12 element cannot carry: use printable ASCII without * : ^ ~"
                )
        if self.submitter_phone is None and self.submitter_email is None:
            raise ValueError("give submitter_phone or submitter_email: 1000A PER needs a way to reach the submitter")
        return self

    @property
    def gs_sender(self) -> str:
        return self.application_sender or self.sender_id

    @property
    def gs_receiver(self) -> str:
        return self.application_receiver or self.receiver_id

    @property
    def submitter_code(self) -> str:
        return self.submitter_id or self.sender_id

    @property
    def receiver_code(self) -> str:
        return self.receiver_id_code or self.receiver_id

    @property
    def group_number(self) -> int:
        return self.group_control_number or self.interchange_control_number

    @property
    def batch_reference(self) -> str:
        return self.reference or str(self.interchange_control_number)
