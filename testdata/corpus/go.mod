module example.com/ehrbridge

go 1.26
