#define _GNU_SOURCE
#include "system.h"
#include <pthread.h>
#if defined(__linux__)
#include <sched.h>
#endif

int transparency_allowed_processors(int *processors, int capacity) {
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    int count = 0;
    for (int processor = 0; processor < CPU_SETSIZE && count < capacity; processor++) {
        if (CPU_ISSET(processor, &set)) processors[count++] = processor;
    }
    return count;
#else
    (void)processors;
    (void)capacity;
    return 0;
#endif
}

int transparency_current_processor(void) {
#if defined(__linux__)
    return sched_getcpu();
#else
    return -1;
#endif
}

int transparency_bind_thread(int processor) {
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(processor, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
#else
    (void)processor;
    return -1;
#endif
}

int transparency_start_thread(void *(*body)(void *), void *argument, int processor) {
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) return -1;
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
#if defined(__linux__)
    if (processor >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(processor, &set);
        pthread_attr_setaffinity_np(&attributes, sizeof set, &set);
    }
#else
    (void)processor;
#endif
    pthread_t thread;
    int result = pthread_create(&thread, &attributes, body, argument);
    pthread_attr_destroy(&attributes);
    return result;
}
