#ifndef ACCORD_CSYSTEM_SHIM_H
#define ACCORD_CSYSTEM_SHIM_H
// Linux interfaces the Swift Glibc module does not export.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

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
#endif
