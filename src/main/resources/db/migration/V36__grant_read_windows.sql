-- A grant's reads in its current window, shared by every node, so that the per-grant read limit holds across a
-- cluster (docs/operations.md). Unlogged: a crash may forget the counts of the current window, which only resets a
-- window early, and the table is spared the write-ahead log of every read.
create unlogged table grant_read_window (
    grant_id     varchar(20) primary key,
    window_start timestamp with time zone not null,
    reads        int not null
);
