-- The command side's database (flc_command) is created by the image; the query side gets its own.
create database flc_query owner flc;
