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
#include <string.h>
// memmem is a GNU extension, hidden like accept4: the byte search behind Store's UTF8Search.
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
static inline int accord_memmem_found(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen) {
    return memmem(haystack, haystacklen, needle, needlelen) != 0;
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
// M_TRIM_THRESHOLD: how much free memory at the top of an arena free() leaves mapped. glibc
// raises it to up to 64 MiB as large blocks come and go (a load's), and malloc_trim does not
// shrink a thread arena's top; a fixed threshold makes free() give it back.
static inline int accord_malloc_set_trim_threshold(int bytes) {
    return mallopt(M_TRIM_THRESHOLD, bytes);
}
#include <sys/sendfile.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>
#include <fcntl.h>
// memfd_create is a GNU extension, hidden like accept4. A sealed memory file holds a cached
// body so that sendfile(2) can send it without copying it from user memory. -1 on failure.
extern int memfd_create(const char *name, unsigned int flags);
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 1U
#define MFD_ALLOW_SEALING 2U
#endif
#define ACCORD_MFD_NOEXEC_SEAL 0x0008U
#ifndef F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#endif
static inline int accord_sealed_memfd(const void *bytes, size_t count) {
    // Not executable, and sealed so (Linux 6.3+ warns without it); older kernels refuse the flag.
    int fd = memfd_create("accord-body", MFD_CLOEXEC | MFD_ALLOW_SEALING | ACCORD_MFD_NOEXEC_SEAL);
    if (fd < 0 && errno == EINVAL) fd = memfd_create("accord-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return -1;
    size_t done = 0;
    while (done < count) {
        ssize_t written = write(fd, (const char *)bytes + done, count - done);
        if (written < 0) {
            if (errno == EINTR) continue;
            close(fd);
            return -1;
        }
        done += (size_t)written;
    }
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}
#endif
