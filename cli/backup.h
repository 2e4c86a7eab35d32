/* backup: `judged backup` (an online copy of the database) and `judged restore`. */
#ifndef SERVER_BACKUP_H
#define SERVER_BACKUP_H

/* `judged backup FILE --data DIR` or `judged restore FILE --data DIR`: argv[0] is the command.
 * Returns the process exit status. */
int backup_main(int argc, char **argv);

#endif
