module example.com/drv

go 1.22
