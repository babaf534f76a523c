# Vendor profile: Siemens. CT order as observed in Siemens CT dose reports (issue 7): physical location during
# observation given, no device role in procedure. The projection order is Kerma's choice by analogy (issue 7 lists CT
# orders only).
name	siemens
description	Siemens order: physical location given, no device role in procedure

[10011]
procedure-reported
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-observer-physical-location
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
device-observer-physical-location
scope-of-accumulation
accumulated-xray-dose-data
irradiation-events
source-of-dose-information
