# Sourced by the end-to-end checks that start nginx (nginx.sh, proxies.sh, replicas.sh).
# nginx_main DIR CONNECTIONS ERROR_LOG: writes DIR/nginx.conf, a foreground nginx (no master, no
# daemon) serving the site in DIR/site.conf, with its pid and every temp path inside DIR.
nginx_main() {
    local dir=$1 connections=$2 errors=$3
    mkdir -p "$dir/tmp"
    cat >"$dir/nginx.conf" <<CONF
daemon off;
master_process off;
pid $dir/nginx.pid;
error_log $errors warn;
events { worker_connections $connections; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/site.conf;
}
CONF
}
