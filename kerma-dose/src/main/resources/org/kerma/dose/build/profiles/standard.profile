# Vendor profile: standard. Root content items in the order of PS3.16 TID 10011 / TID 10001 rows.
# One key a line per template; a key not listed is an optional item left out. Read by org.kerma.dose.build.VendorProfile.
name	standard
description	PS3.16 template order, every optional item Kerma can fill

[10011]
procedure-reported
observer-type
device-observer-uid
device-observer-name
device-observer-manufacturer
device-observer-model-name
device-observer-serial-number
device-observer-physical-location
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
device-observer-physical-location
device-role-in-procedure
scope-of-accumulation
accumulated-xray-dose-data
irradiation-events
source-of-dose-information
