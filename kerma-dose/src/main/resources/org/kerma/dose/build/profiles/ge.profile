# Vendor profile: GE. CT order as observed in GE CT dose reports (issue 7): no physical location; source of dose
# information last. The projection order is Kerma's choice by analogy (issue 7 lists CT orders only).
name	ge
description	GE CT order: procedure first, device role after the device observer, source of dose information last

[10011]
procedure-reported
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-role-in-procedure
start-of-xray-irradiation
end-of-xray-irradiation
scope-of-accumulation
ct-accumulated-dose-data
ct-acquisitions
source-of-dose-information

[10001]
procedure-reported
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-role-in-procedure
scope-of-accumulation
accumulated-xray-dose-data
irradiation-events
source-of-dose-information
