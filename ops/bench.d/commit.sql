-- The commit limit: one durable single-row insert per transaction (pgbench -f).
insert into bench_commit (payload) values ('a returns flight event of about this size, give or take');
