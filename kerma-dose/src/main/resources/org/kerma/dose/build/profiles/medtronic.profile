# Vendor profile: Medtronic. CT order as observed in Medtronic (O-arm) dose reports (issue 7): observer first,
# procedure after the device role, source of dose information before the accumulated dose. The projection order is
# Kerma's choice by analogy (issue 7 lists CT orders only).
name	medtronic
description	Medtronic order: observer first, source of dose information before the dose data

[10011]
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-role-in-procedure
procedure-reported
start-of-xray-irradiation
end-of-xray-irradiation
scope-of-accumulation
source-of-dose-information
ct-accumulated-dose-data
ct-acquisitions

[10001]
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-role-in-procedure
procedure-reported
scope-of-accumulation
source-of-dose-information
accumulated-xray-dose-data
irradiation-events
