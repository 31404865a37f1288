#ifndef ACCORD_CSYSTEM_SHIM_H
#define ACCORD_CSYSTEM_SHIM_H
// Linux interfaces the Swift Glibc module does not export.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <malloc.h>   // malloc_trim: give freed heap pages back after a seed load

// accept4 is a GNU extension the Glibc module hides without _GNU_SOURCE.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
static inline int accord_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}
#include <pthread.h>

// pthread_setname_np is a GNU extension, hidden like accept4.
extern int pthread_setname_np(pthread_t thread, const char *name);
static inline int accord_pthread_setname(pthread_t thread, const char *name) {
    return pthread_setname_np(thread, name);
}

#include <sched.h>
// sched_getaffinity is a GNU extension, hidden like accept4. Counts the CPUs this process may
// run on (taskset, a container's cpuset); 0 if the call fails.
extern int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask);
static inline int accord_affinity_cpu_count(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return 0;
    const unsigned long *words = (const unsigned long *)&set;
    int count = 0;
    for (unsigned long index = 0; index < sizeof(set) / sizeof(unsigned long); index++) {
        count += __builtin_popcountl(words[index]);
    }
    return count;
}
#include <malloc.h>
// malloc_trim: give freed heap pages back after a burst (glibc keeps them otherwise).
static inline int accord_malloc_trim(void) {
    return malloc_trim(0);
}
#endif
