{{ rows_differ(ref('user_metrics'), ref('stream_user_metrics'), key=['user_id']) }}
