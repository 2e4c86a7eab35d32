/* judged-worker: the remote worker alone, `judged worker` built from worker/ and judge/ only. */
#include "remote_worker.h"

int main(int argc, char **argv)
{
    /* remote_worker_main reads its options after argv[0], as `judged worker` passes them. */
    return remote_worker_main(argc, argv);
}
