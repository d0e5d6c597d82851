"""Pure coding: an Encounter and a knowledge snapshot in, a coded Claim and findings out. No I/O."""

from gravida.coding.engine import code_encounter
from gravida.coding.units import UnitAllocation, cms_total_time_units, per_code_units, units_for_minutes

__all__ = ["UnitAllocation", "cms_total_time_units", "code_encounter", "per_code_units", "units_for_minutes"]
