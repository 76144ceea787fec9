-- wrk script for bench/serve: POSTs one picture, named by the PICTURE environment variable, on
-- every request of every connection.
local file = assert(io.open(os.getenv("PICTURE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "image/png"
