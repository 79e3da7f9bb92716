-- The registry always has its one settings row; the seed or an admin fills it in.
insert into "settings" ("id") values (1) on conflict ("id") do nothing;
