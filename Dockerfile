# judged in a container: one image for the API server and for remote workers (the command picks).
#
#   docker build -t judged .
#   docker run --rm judged --help
#
# The build stage runs the repository's own build, `./run build`: the same Debian packages, meson
# commands and web bundle (web/build.sh) as `./run test` and CI. The runtime stage holds the binary,
# the runtime libraries, the bundled problems, the built front end, and the toolchains of the
# submission languages (gcc/g++/libc6-dev, python3, openjdk-17-jdk-headless, nodejs, golang-go,
# rustc; judge/lang/): submissions are compiled when they are judged.
#
# Where the problems and the data live: the sandbox shows every compile and run the toolchain's
# folders (/usr/include, /usr/lib/gcc, /usr/lib/x86_64-linux-gnu, ...; docs/sandbox.md), so the
# catalogue and the data folder stay out of /usr: /var/lib/judged-problems and /var/lib/judged,
# both root's, mode 0700 (judged refuses to start when either is where the sandbox looks).
#
# What the sandbox needs from the container (docs/sandbox.md, docs/deploy.md):
#   - root inside the container (it switches each slot to its own uid, writes cgroups);
#   - capabilities SYS_ADMIN (mount, namespaces, sethostname in the run's own namespace), SETUID and
#     SETGID (the slot's uid), SYS_CHROOT, KILL (ends a run's processes), FOWNER; nothing else:
#     tests/workers passes with exactly this bounding set and no_new_privs;
#   - seccomp unconfined, or a profile that allows clone3 with namespace flags, unshare, setns,
#     mount, sethostname and seccomp with a notification listener (Docker's default profile
#     allows these only together with CAP_SYS_ADMIN); AppArmor unconfined (docker-default denies
#     mount);
#   - cgroup v2 writable (a private cgroup namespace with a writable /sys/fs/cgroup) for memory
#     limits by cgroup; without it judged says "memory limits by rlimit" and limits by rlimits.
# deploy/compose.yaml and deploy/k8s/ set exactly this.

FROM debian:12 AS build
# Behind a TLS-inspecting proxy, npm needs the proxy's CA: pass a bundle mounted into the build
# and its path, e.g. --volume /etc/ssl/certs/ca-certificates.crt:/etc/ssl/host-ca.crt:ro
# --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/host-ca.crt (tests/container does so where the host
# sets it). Empty by default: nothing changes.
ARG NODE_EXTRA_CA_CERTS=
WORKDIR /src
COPY . .
# web/dist is made empty when the tree has no front end, so that the COPY below always works.
RUN ./run build && mkdir -p web/dist

FROM debian:12
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       gcc g++ libc6-dev python3 openjdk-17-jdk-headless nodejs golang-go rustc \
       libseccomp2 libyaml-0-2 libarchive13 libjansson4 libsqlite3-0 libmicrohttpd12 \
       libsodium23 libcurl4 libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/cli/judged /usr/local/bin/judged
COPY --from=build /src/problems /var/lib/judged-problems
COPY --from=build /src/web/dist /usr/local/share/judged/web
ENV JUDGED_WEB=/usr/local/share/judged/web
# Hidden tests: root's alone. A fresh volume takes the mode of the folder it is mounted on.
RUN chown -R 0:0 /var/lib/judged-problems && chmod 0700 /var/lib/judged-problems \
    && install -d -o 0 -g 0 -m 0700 /var/lib/judged
# The data folder (judged.db, packages/, cache/): a volume, or a PersistentVolumeClaim.
VOLUME /var/lib/judged
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/judged"]
# The API server with local workers; `worker --server URL` makes a remote worker instead.
CMD ["--listen", "0.0.0.0:8080", "--data", "/var/lib/judged", "--problems", "/var/lib/judged-problems"]
