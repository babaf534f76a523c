#!/usr/bin/python3
"""Prints pydicom's reading of the X-ray technique attributes at the top level of each file given, one line per
attribute: file, keyword, value as a float (or the error pydicom raised). Used by TechniqueAgreesWithPydicomTest."""
import sys
import pydicom

KEYWORDS = ["KVP", "XRayTubeCurrent", "XRayTubeCurrentInuA", "ExposureTime", "ExposureTimeInuS", "Exposure",
            "ExposureInuAs", "ImageAndFluoroscopyAreaDoseProduct", "EntranceDoseInmGy", "EntranceDose",
            "RelativeXRayExposure", "ExposureIndex", "DeviationIndex", "PositionerPrimaryAngle",
            "PositionerSecondaryAngle", "DistanceSourceToDetector", "DistanceSourceToPatient", "CTDIvol",
            "FrameTime"]

for path in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
    except Exception as e:  # noqa: BLE001 - report any failure as data
        print(f"{path}\t-\terror {type(e).__name__}")
        continue
    for kw in KEYWORDS:
        try:
            if kw not in ds or ds[kw].value in (None, ""):
                continue
            v = ds[kw].value
            if isinstance(v, (list, pydicom.multival.MultiValue)):
                v = v[0]
            print(f"{path}\t{kw}\t{float(v)!r}")
        except Exception as e:  # noqa: BLE001
            print(f"{path}\t{kw}\terror {type(e).__name__}")
