GET /mms HTTP/1.1

