# The site's English dates and times, written out in full ("December 4, 2026",
# "6:30 PM") rather than Django's abbreviated defaults ("Dec. 4, 2026",
# "6:30 p.m."). Spanish keeps Django's own formats ("4 de diciembre de 2026",
# "18:30").
DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "F j, Y, g:i A"
